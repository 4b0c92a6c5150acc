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
    Instant updatedAt) {

  public AlertState {
    Objects.requireNonNull(id, "id");
    excludeWords = excludeWords == null ? List.of() : List.copyOf(excludeWords);
  }
}
