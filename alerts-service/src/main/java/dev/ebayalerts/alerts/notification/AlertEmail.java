package dev.ebayalerts.alerts.notification;

import java.util.List;

/**
 * What an alert email tells its recipient, stored as JSON until it is sent.
 *
 * @param searchPhrase the alert's search, as its owner wrote it
 * @param first whether this is the alert's first email, which shows the current top listings
 * @param listings the listings to show, in order; at least one
 */
public record AlertEmail(String searchPhrase, boolean first, List<EmailListing> listings) {

  public AlertEmail {
    listings = listings == null ? List.of() : List.copyOf(listings);
  }
}
