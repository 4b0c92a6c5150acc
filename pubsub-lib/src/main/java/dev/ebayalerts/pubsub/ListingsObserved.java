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
 * @param marketplace the eBay site searched, as eBay's marketplace id ({@code "EBAY_DE"}): the
 *     alert's marketplace at the time of the fetch, which a consumer should keep with the prices
 *     (the alert may move to another site later, and prices of two sites are not comparable even in
 *     one currency). Absent ({@code null}) in events of older producers, which searched eBay US
 *     only, so {@code null} becomes {@link AlertState#DEFAULT_MARKETPLACE}. Never {@code null}.
 */
public record ListingsObserved(
    UUID eventId,
    Instant occurredAt,
    UUID alertId,
    String query,
    List<ObservedListing> listings,
    String marketplace)
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
    marketplace = marketplace == null ? AlertState.DEFAULT_MARKETPLACE : marketplace;
  }

  /** A fetch on {@link AlertState#DEFAULT_MARKETPLACE}, as before alerts had a marketplace. */
  public ListingsObserved(
      UUID eventId,
      Instant occurredAt,
      UUID alertId,
      String query,
      List<ObservedListing> listings) {
    this(eventId, occurredAt, alertId, query, listings, null);
  }

  /** A new event with a random id, occurring now, of a fetch on the given marketplace. */
  public static ListingsObserved of(
      UUID alertId, String query, List<ObservedListing> listings, String marketplace) {
    return new ListingsObserved(
        UUID.randomUUID(), Instant.now(), alertId, query, listings, marketplace);
  }

  /**
   * A new event with a random id, occurring now, of a fetch on {@link
   * AlertState#DEFAULT_MARKETPLACE}.
   */
  public static ListingsObserved of(UUID alertId, String query, List<ObservedListing> listings) {
    return of(alertId, query, listings, null);
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
