package dev.ebayalerts.alerts.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one run of an alert tells, whatever the channel: stored as JSON with each delivery (one
 * message's share of the listings) and with the run's notice, which the Atom feed reads.
 *
 * @param alertId the alert
 * @param searchPhrase the alert's search
 * @param first whether this is the alert's first notice (the current top listings)
 * @param listings the listings, in order; at least one
 * @param notes a line per item id saying why beyond new or cheaper (target price, ending soon)
 */
public record NoticePayload(
    UUID alertId,
    String searchPhrase,
    boolean first,
    List<NoticeListing> listings,
    Map<String, String> notes) {

  public NoticePayload {
    listings = listings == null ? List.of() : List.copyOf(listings);
    notes = notes == null ? Map.of() : notes;
  }

  public String note(NoticeListing listing) {
    return notes.get(listing.itemId());
  }

  /** "3 new listings for "leica m6"", or the first notice's "... right now". */
  public String headline() {
    int count = listings.size();
    long drops = listings.stream().filter(l -> l.previousPrice() != null).count();
    String what =
        first
            ? plural(count, "listing") + " right now"
            : drops == count
                ? plural(count, "price drop")
                : drops == 0
                    ? plural(count, "listing")
                    : plural(count - drops, "listing") + " and " + plural(drops, "price drop");
    return what + " for \"" + searchPhrase + "\"";
  }

  /** The listings from {@code from} to {@code to} (exclusive), with their notes. */
  NoticePayload part(int from, int to) {
    return new NoticePayload(alertId, searchPhrase, first, listings.subList(from, to), notes);
  }

  /** The same notice with only {@code some} of its listings. */
  NoticePayload with(List<NoticeListing> some) {
    return new NoticePayload(alertId, searchPhrase, first, some, notes);
  }

  /**
   * When this is no longer worth sending: when its last auction ends, if every listing is an
   * auction with a known end; never (null) if any listing is not.
   */
  Instant usefulUntil() {
    Instant until = null;
    for (NoticeListing listing : listings) {
      if (!listing.auction() || listing.itemEndDate() == null) {
        return null;
      }
      until = until == null || listing.itemEndDate().isAfter(until) ? listing.itemEndDate() : until;
    }
    return until;
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
