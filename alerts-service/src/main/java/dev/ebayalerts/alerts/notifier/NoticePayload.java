package dev.ebayalerts.alerts.notifier;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one notice tells, stored as JSON in the outbox until its channel took it.
 *
 * @param alertId the alert
 * @param searchPhrase the alert's search
 * @param first whether this is the alert's first notice (the current top listings)
 * @param listings the listings, at most what one message of the channel holds
 * @param notes a line per item id saying why beyond new or cheaper (target price, ending soon)
 */
record NoticePayload(
    UUID alertId,
    String searchPhrase,
    boolean first,
    List<NoticeListing> listings,
    Map<String, String> notes) {

  NoticePayload {
    listings = listings == null ? List.of() : List.copyOf(listings);
    notes = notes == null ? Map.of() : notes;
  }

  String note(NoticeListing listing) {
    return notes.get(listing.itemId());
  }

  /** "3 new listings for "leica m6"", or the first notice's "... right now". */
  String headline() {
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

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
