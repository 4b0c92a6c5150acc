package dev.ebayalerts.pubsub;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The complete state of a saved search alert at one point in time. Alert events carry the whole
 * state rather than a diff, so a consumer can rebuild its copy of an alert from any single event
 * and never depends on having seen the previous ones.
 *
 * @param id the alert's id, stable for its whole life
 * @param email where the alert's notifications go
 * @param searchPhrase the eBay search query
 * @param frequencyMinutes how often the search runs
 * @param minPrice lower price bound, inclusive; {@code null} when unbounded
 * @param maxPrice upper price bound, inclusive; {@code null} when unbounded
 * @param currency ISO 4217 code the price bounds are expressed in
 * @param condition {@code "NEW"}, {@code "USED"} or {@code "ANY"}
 * @param buyingOption {@code "FIXED_PRICE"}, {@code "AUCTION"} or {@code "ANY"}
 * @param excludeWords words that disqualify a listing title; never {@code null}
 * @param active whether the alert is currently being run
 * @param version the alert's revision, incremented on every change; use it to discard stale events
 * @param createdAt when the alert was created
 * @param updatedAt when the alert last changed
 * @param marketplace the eBay site the alert searches, as eBay's marketplace id ({@code "EBAY_US"},
 *     {@code "EBAY_DE"}, …); a String so this library needs no eBay client. Added after version 1
 *     was first published: absent ({@code null}) in events of older producers, which searched eBay
 *     US only, so {@code null} becomes {@link #DEFAULT_MARKETPLACE}. Never {@code null}.
 */
public record AlertState(
    UUID id,
    String email,
    String searchPhrase,
    int frequencyMinutes,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    String currency,
    String condition,
    String buyingOption,
    List<String> excludeWords,
    boolean active,
    long version,
    Instant createdAt,
    Instant updatedAt,
    String marketplace) {

  /**
   * The marketplace of alerts and fetches that name none: the only one before alerts had their own.
   */
  public static final String DEFAULT_MARKETPLACE = "EBAY_US";

  public AlertState {
    Objects.requireNonNull(id, "id");
    excludeWords = excludeWords == null ? List.of() : List.copyOf(excludeWords);
    marketplace = marketplace == null ? DEFAULT_MARKETPLACE : marketplace;
  }

  /** An alert on {@link #DEFAULT_MARKETPLACE}, as alerts were before they had a marketplace. */
  public AlertState(
      UUID id,
      String email,
      String searchPhrase,
      int frequencyMinutes,
      BigDecimal minPrice,
      BigDecimal maxPrice,
      String currency,
      String condition,
      String buyingOption,
      List<String> excludeWords,
      boolean active,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        email,
        searchPhrase,
        frequencyMinutes,
        minPrice,
        maxPrice,
        currency,
        condition,
        buyingOption,
        excludeWords,
        active,
        version,
        createdAt,
        updatedAt,
        null);
  }
}
