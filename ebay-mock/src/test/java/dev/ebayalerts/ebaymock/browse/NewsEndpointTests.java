package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.ebaymock.MockApiTests;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a search run every few minutes sees change, with the clock advanced as the real one would
 * run: new listings, revised prices, rising bids and ended auctions.
 */
class NewsEndpointTests extends MockApiTests {

  private static final List<String> QUERIES =
      List.of(
          "nintendo switch oled",
          "iphone 13",
          "ps5",
          "lego millennium falcon",
          "airpods pro",
          "macbook air",
          "dji mini",
          "gameboy",
          "drone",
          "vintage camera",
          "garden gnome",
          "hoodie",
          "rolex submariner",
          "steam deck",
          "kindle",
          "apple watch",
          "air jordan",
          "mechanical keyboard",
          "cast iron skillet",
          "road bike");

  @Test
  void listsAFewNewItemsEveryTenMinutesForATypicalQuery() throws Exception {
    int fresh = 0;
    for (String query : QUERIES) {
      Set<String> before = legacyIds(newest(token(), query));
      clock.advance(Duration.ofMinutes(10));
      List<Map<String, Object>> after = newest(token(), query);
      clock.reset();
      fresh += (int) legacyIds(after).stream().filter(id -> !before.contains(id)).count();
    }

    assertThat(fresh / (double) QUERIES.size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void showsNewItemsFirstWhenSortedByNewlyListed() throws Exception {
    List<Map<String, Object>> before = newest(token(), "drone");
    Instant newestBefore = Instant.parse((String) before.get(0).get("itemOriginDate"));
    clock.advance(Duration.ofMinutes(30));

    List<Map<String, Object>> after = newest(token(), "drone");

    List<Instant> listed =
        after.stream().map(item -> Instant.parse((String) item.get("itemOriginDate"))).toList();
    assertThat(listed).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(listed.get(0))
        .isAfter(newestBefore)
        .isBefore(Instant.parse(NOW).plus(Duration.ofMinutes(30)));
    assertThat(legacyIds(before)).doesNotContain((String) after.get(0).get("legacyItemId"));
  }

  @Test
  void letsFixedPriceSellersRevisePricesNowAndThenSomeByFivePercentOrMore() throws Exception {
    String olderListings =
        "itemStartDate:[..%s]".formatted(Instant.parse(NOW).minus(Duration.ofDays(1)));
    Map<String, BigDecimal> before = prices(token(), olderListings);
    clock.advance(Duration.ofHours(6));
    Map<String, BigDecimal> after = prices(token(), olderListings);

    List<String> both = before.keySet().stream().filter(after::containsKey).toList();
    long changed = both.stream().filter(id -> before.get(id).compareTo(after.get(id)) != 0).count();
    long drops =
        both.stream()
            .filter(id -> after.get(id).doubleValue() <= before.get(id).doubleValue() * 0.95)
            .count();
    assertThat(both).hasSizeGreaterThan(100);
    assertThat(drops).isPositive();
    assertThat(changed).isLessThan(both.size() / 5);
  }

  @Test
  void raisesBidsAndEndsAuctions() throws Exception {
    String auctions = "buyingOptions:{AUCTION}";
    Map<String, Object> endingSoon =
        items(
                body(
                    search(token())
                        .param("q", "gameboy")
                        .param("sort", "endingSoonest")
                        .param("filter", auctions)
                        .param("limit", "50")))
            .stream()
            .filter(
                item ->
                    Instant.parse((String) item.get("itemEndDate"))
                        .isAfter(Instant.parse(NOW).plus(Duration.ofHours(2))))
            .findFirst()
            .orElseThrow();
    String itemId = (String) endingSoon.get("itemId");
    Instant end = Instant.parse((String) endingSoon.get("itemEndDate"));

    clock.advance(Duration.between(Instant.parse(NOW), end.minusSeconds(60)));
    Map<String, Object> lastMinute =
        byId(body(
                search(token())
                    .param("q", "gameboy")
                    .param("filter", auctions)
                    .param("limit", "200")
                    .param("sort", "endingSoonest")))
            .get(itemId);
    assertThat((int) lastMinute.get("bidCount"))
        .isGreaterThanOrEqualTo((int) endingSoon.get("bidCount"));

    clock.advance(Duration.ofMinutes(2));
    assertThat(
            byId(
                body(
                    search(token())
                        .param("q", "gameboy")
                        .param("filter", auctions)
                        .param("limit", "200")
                        .param("sort", "endingSoonest"))))
        .doesNotContainKey(itemId);
  }

  private List<Map<String, Object>> newest(String token, String query) throws Exception {
    return items(
        body(search(token).param("q", query).param("sort", "newlyListed").param("limit", "50")));
  }

  private Map<String, BigDecimal> prices(String token, String filter) throws Exception {
    return byId(
            body(
                search(token)
                    .param("q", "iphone 13")
                    .param("filter", filter)
                    .param("limit", "200")))
        .entrySet()
        .stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e ->
                    new BigDecimal(
                        ((Map<String, String>) e.getValue().get("price")).get("value"))));
  }

  private static Map<String, Map<String, Object>> byId(String body) {
    return items(body).stream()
        .collect(Collectors.toMap(item -> (String) item.get("itemId"), Function.identity()));
  }

  private static Set<String> legacyIds(List<Map<String, Object>> items) {
    return new HashSet<>(items.stream().map(item -> (String) item.get("legacyItemId")).toList());
  }
}
