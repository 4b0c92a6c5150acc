package dev.ebayalerts.pubsub;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One search run for an alert fetched these listings. Published for every fetch, whether or not
 * anything was new, so consumers can build price history.
 *
 * @param eventId unique id of this occurrence
 * @param occurredAt when the fetch happened
 * @param alertId the alert whose search ran
 * @param query the search query as sent to eBay
 * @param listings the listings returned, possibly empty; never {@code null}
 */
public record ListingsObserved(
    UUID eventId, Instant occurredAt, UUID alertId, String query, List<ObservedListing> listings)
    implements Event {

  /** Contract name on the wire. */
  public static final String TYPE = "ListingsObserved";

  /** Current schema version of this contract. */
  public static final int VERSION = 1;

  public ListingsObserved {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(alertId, "alertId");
    listings = listings == null ? List.of() : List.copyOf(listings);
  }

  /** A new event with a random id, occurring now. */
  public static ListingsObserved of(UUID alertId, String query, List<ObservedListing> listings) {
    return new ListingsObserved(UUID.randomUUID(), Instant.now(), alertId, query, listings);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public int version() {
    return VERSION;
  }
}
