package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ebayalerts.ebaymock.MockApiTests;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class SearchEndpointTests extends MockApiTests {

  private String token;

  @BeforeEach
  void obtainToken() throws Exception {
    token = token();
  }

  @Test
  void requiresABearerToken() throws Exception {
    mvc.perform(
            MockMvcRequestBuilders.get("/buy/browse/v1/item_summary/search").param("q", "drone"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.errors[0].errorId").value(1001))
        .andExpect(jsonPath("$.errors[0].message").value("Invalid access token"));
  }

  @Test
  void rejectsTokensItDidNotIssue() throws Exception {
    mvc.perform(search("v^1.1#made-up").param("q", "drone"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.errors[0].errorId").value(1001));
  }

  @Test
  void rejectsTokensPastTheirLifetime() throws Exception {
    clock.advance(Duration.ofMinutes(11));
    mvc.perform(search(token).param("q", "drone")).andExpect(status().isUnauthorized());
  }

  @ParameterizedTest
  @CsvSource({"0,12006", "201,12006", "-5,12006", "ten,12007"})
  void rejectsLimitOutsideOneTo200(String limit, int errorId) throws Exception {
    mvc.perform(search(token).param("q", "drone").param("limit", limit))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].errorId").value(errorId))
        .andExpect(jsonPath("$.errors[0].domain").value("API_BROWSE"))
        .andExpect(jsonPath("$.errors[0].category").value("REQUEST"));
  }

  @ParameterizedTest
  @CsvSource({"50,25,12515", "50,10000,12029", "200,10000,12029", "10,-10,12004", "10,x,12005"})
  void rejectsOffsetThatIsNotAMultipleOfLimitOrTooFar(String limit, String offset, int errorId)
      throws Exception {
    mvc.perform(search(token).param("q", "drone").param("limit", limit).param("offset", offset))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].errorId").value(errorId))
        .andExpect(jsonPath("$.errors[0].parameters[0].name").value("offset"));
  }

  @Test
  void requiresKeywords() throws Exception {
    mvc.perform(search(token).param("q", "  "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].errorId").value(12001));
  }

  @Test
  void warnsAboutUnknownSortValuesAndSortsByBestMatch() throws Exception {
    String bestMatch = body(search(token).param("q", "drone"));
    String unknown = body(search(token).param("q", "drone").param("sort", "cheapest"));
    assertThat(read(unknown, "$.warnings[0].errorId").toString()).isEqualTo("12008");
    assertThat(itemIds(unknown)).isEqualTo(itemIds(bestMatch));
  }

  @Test
  void answersInEbaysShape() throws Exception {
    mvc.perform(search(token).param("q", "drone").param("limit", "3"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.href", containsString("/buy/browse/v1/item_summary/search?q=drone")))
        .andExpect(jsonPath("$.total", greaterThan(3)))
        .andExpect(jsonPath("$.limit").value(3))
        .andExpect(jsonPath("$.offset").value(0))
        .andExpect(jsonPath("$.next", containsString("offset=3")))
        .andExpect(jsonPath("$.prev").doesNotExist())
        .andExpect(jsonPath("$.warnings").doesNotExist())
        .andExpect(jsonPath("$.itemSummaries.length()").value(3))
        .andExpect(jsonPath("$.itemSummaries[0].itemId", startsWith("v1|")))
        .andExpect(jsonPath("$.itemSummaries[0].legacyItemId").isString())
        .andExpect(jsonPath("$.itemSummaries[0].title", containsString("Drone")))
        .andExpect(jsonPath("$.itemSummaries[0].price.value").isString())
        .andExpect(jsonPath("$.itemSummaries[0].price.currency").value("USD"))
        .andExpect(
            jsonPath("$.itemSummaries[0].itemWebUrl", startsWith("https://www.ebay.com/itm/")))
        .andExpect(jsonPath("$.itemSummaries[0].seller.username").isString())
        .andExpect(jsonPath("$.itemSummaries[0].seller.feedbackScore").isNumber())
        .andExpect(jsonPath("$.itemSummaries[0].condition").isString())
        .andExpect(jsonPath("$.itemSummaries[0].conditionId").isString())
        .andExpect(jsonPath("$.itemSummaries[0].itemCreationDate", startsWith("2025-")))
        .andExpect(jsonPath("$.itemSummaries[0].itemOriginDate", startsWith("2025-")))
        .andExpect(jsonPath("$.itemSummaries[0].leafCategoryIds[0]").isString())
        .andExpect(jsonPath("$.itemSummaries[0].categories[0].categoryId").isString())
        .andExpect(jsonPath("$.itemSummaries[0].categories[0].categoryName").isString())
        .andExpect(jsonPath("$.itemSummaries[0].itemLocation.country").isString())
        .andExpect(jsonPath("$.itemSummaries[0].itemLocation.postalCode", containsString("*")))
        .andExpect(jsonPath("$.itemSummaries[0].itemLocation.city").doesNotExist())
        .andExpect(jsonPath("$.itemSummaries[0].listingMarketplaceId").isString())
        .andExpect(jsonPath("$.itemSummaries[0].adultOnly").value(false))
        .andExpect(jsonPath("$.itemSummaries[*].buyingOptions", everyItem(hasItem("FIXED_PRICE"))));
  }

  @Test
  void addsTheCityWithExtendedFieldgroups() throws Exception {
    mvc.perform(
            search(token).param("q", "drone").param("limit", "3").param("fieldgroups", "EXTENDED"))
        .andExpect(jsonPath("$.itemSummaries.length()").value(3))
        .andExpect(jsonPath("$.itemSummaries[*].itemLocation.city", everyItem(notNullValue())));
  }

  @Test
  void givesTheSameListingsForTheSameWordsInAnyOrderOrCase() throws Exception {
    String first = body(search(token).param("q", "Nintendo switch").param("limit", "20"));
    String second = body(search(token).param("q", "SWITCH  nintendo").param("limit", "20"));
    assertThat(itemIds(second)).isEqualTo(itemIds(first));
    List<String> prices = read(first, "$.itemSummaries[*].price.value");
    List<String> samePrices = read(second, "$.itemSummaries[*].price.value");
    assertThat(samePrices).isEqualTo(prices);
  }

  @Test
  void givesOtherQueriesOtherListings() throws Exception {
    List<String> drones = itemIds(body(search(token).param("q", "drone")));
    List<String> cameras = itemIds(body(search(token).param("q", "camera")));
    assertThat(drones).doesNotContainAnyElementsOf(cameras);
  }

  @Test
  void pagesThroughTheResultsWithoutGapsOrRepeats() throws Exception {
    String all = body(search(token).param("q", "drone").param("limit", "20"));
    String firstPage = body(search(token).param("q", "drone").param("limit", "10"));
    String secondPage =
        body(search(token).param("q", "drone").param("limit", "10").param("offset", "10"));
    assertThat(read(secondPage, "$.prev").toString()).contains("offset=0");
    assertThat(itemIds(firstPage)).hasSize(10);
    List<String> both = new ArrayList<>(itemIds(firstPage));
    both.addAll(itemIds(secondPage));
    assertThat(both).isEqualTo(itemIds(all));
  }

  @Test
  void sortsByPricePlusShippingAsEbayDoes() throws Exception {
    List<BigDecimal> ascending =
        totalCosts(
            body(search(token).param("q", "drone").param("sort", "price").param("limit", "50")));
    assertThat(ascending).isSorted().hasSizeGreaterThan(5);
    List<BigDecimal> descending =
        totalCosts(
            body(search(token).param("q", "drone").param("sort", "-price").param("limit", "50")));
    assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void sortsNewlyListedFirst() throws Exception {
    List<String> created =
        read(
            body(search(token).param("q", "drone").param("sort", "newlyListed")),
            "$.itemSummaries[*].itemCreationDate");
    assertThat(created).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void filtersByPriceInTheMarketplaceCurrency() throws Exception {
    List<BigDecimal> all =
        prices(body(search(token).param("q", "drone").param("sort", "price").param("limit", "200")))
            .stream()
            .sorted()
            .toList();
    BigDecimal min = all.get(all.size() / 4);
    BigDecimal max = all.get(all.size() / 2);
    List<BigDecimal> filtered =
        prices(
            body(
                search(token)
                    .param("q", "drone")
                    .param("limit", "200")
                    .param("filter", "price:[%s..%s],priceCurrency:USD".formatted(min, max))));
    assertThat(filtered)
        .hasSizeBetween(2, all.size() / 2)
        .allSatisfy(price -> assertThat(price).isBetween(min, max));
  }

  @Test
  void warnsAndIgnoresPriceWithoutCurrency() throws Exception {
    String unfiltered = body(search(token).param("q", "drone"));
    mvc.perform(search(token).param("q", "drone").param("filter", "price:[20..60]"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.warnings[0].errorId").value(12012))
        .andExpect(jsonPath("$.total").value((Integer) read(unfiltered, "$.total")));
  }

  @Test
  void warnsAndIgnoresInvalidFilterValues() throws Exception {
    mvc.perform(
            search(token)
                .param("q", "drone")
                .param("filter", "price:[20..60],priceCurrency:EUR,conditions:{BROKEN}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.warnings.length()").value(2))
        .andExpect(jsonPath("$.warnings[*].errorId", everyItem(is(12002))));
  }

  @Test
  void filtersByCondition() throws Exception {
    mvc.perform(
            search(token)
                .param("q", "drone")
                .param("limit", "200")
                .param("filter", "conditions:{USED}"))
        .andExpect(jsonPath("$.itemSummaries[*].condition", everyItem(is("Used"))));
    mvc.perform(
            search(token)
                .param("q", "drone")
                .param("limit", "200")
                .param("filter", "conditions:{NEW}"))
        .andExpect(jsonPath("$.itemSummaries[*].conditionId", everyItem(oneOf("1000", "1500"))));
  }

  @Test
  void returnsAuctionsOnlyWhenAskedWithBidsAndEndDates() throws Exception {
    String auctions =
        body(
            search(token)
                .param("q", "drone")
                .param("limit", "200")
                .param("filter", "buyingOptions:{AUCTION}"));
    List<Map<String, Object>> items = read(auctions, "$.itemSummaries");
    assertThat(items)
        .isNotEmpty()
        .allSatisfy(
            item -> {
              assertThat((List<String>) item.get("buyingOptions")).contains("AUCTION");
              assertThat(item).containsKeys("currentBidPrice", "bidCount", "itemEndDate");
            })
        .anySatisfy(item -> assertThat(item).doesNotContainKey("price"));
    mvc.perform(
            search(token)
                .param("q", "drone")
                .param("limit", "200")
                .param("filter", "buyingOptions:{AUCTION|FIXED_PRICE}"))
        .andExpect(jsonPath("$.itemSummaries[*].buyingOptions[*]", hasItem("AUCTION")))
        .andExpect(jsonPath("$.itemSummaries[*].buyingOptions[*]", hasItem("FIXED_PRICE")));
  }

  @Test
  void leavesOutTitlesWithExcludedWords() throws Exception {
    List<String> titles =
        read(
            body(search(token).param("q", "drone").param("limit", "200")),
            "$.itemSummaries[*].title");
    assertThat(titles).anyMatch(title -> title.contains("Broken"));
    List<String> filtered =
        read(
            body(search(token).param("q", "drone -broken").param("limit", "200")),
            "$.itemSummaries[*].title");
    assertThat(filtered).isNotEmpty().noneMatch(title -> title.contains("Broken"));
  }

  @Test
  void filtersByStartDate() throws Exception {
    Instant since = Instant.parse(NOW).minus(Duration.ofHours(12));
    List<String> created =
        read(
            body(
                search(token)
                    .param("q", "drone")
                    .param("limit", "200")
                    .param("filter", "itemStartDate:[" + since + "..]")),
            "$.itemSummaries[*].itemCreationDate");
    assertThat(created)
        .isNotEmpty()
        .allSatisfy(date -> assertThat(Instant.parse(date)).isAfterOrEqualTo(since));
  }

  @Test
  void listsNewItemsAndEndsOldOnesAsTimePasses() throws Exception {
    List<String> before =
        itemIds(
            body(
                search(token)
                    .param("q", "drone")
                    .param("sort", "newlyListed")
                    .param("limit", "200")));
    clock.advance(Duration.ofHours(3));
    String newToken = token();
    List<String> later =
        itemIds(
            body(
                search(newToken)
                    .param("q", "drone")
                    .param("sort", "newlyListed")
                    .param("limit", "200")));
    assertThat(later.get(0)).isNotIn(before);
    clock.advance(Duration.ofDays(11));
    List<String> muchLater =
        itemIds(body(search(token()).param("q", "drone").param("limit", "200")));
    assertThat(muchLater).isNotEmpty().doesNotContainAnyElementsOf(before);
  }

  @Test
  void answersFromTheMockClockAdvancedThroughTheAdminEndpoint() throws Exception {
    mvc.perform(
            MockMvcRequestBuilders.post("/admin/clock")
                .contentType("application/json")
                .content("{\"advanceBy\":\"PT2H\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.now").value("2025-06-02T14:00:00Z"));
    mvc.perform(MockMvcRequestBuilders.delete("/admin/clock"))
        .andExpect(jsonPath("$.now").value(NOW));
  }

  @Test
  void countsRequests() throws Exception {
    mvc.perform(search(token).param("q", "drone"));
    mvc.perform(MockMvcRequestBuilders.get("/admin/stats"))
        .andExpect(jsonPath("$.tokenRequests").value(1))
        .andExpect(jsonPath("$.searchRequests").value(1));
  }

  private static List<BigDecimal> prices(String body) {
    List<String> values = read(body, "$.itemSummaries[*].price.value");
    return values.stream().map(BigDecimal::new).toList();
  }

  /** Price plus a known shipping cost, what eBay sorts {@code price} by. */
  private static List<BigDecimal> totalCosts(String body) {
    List<Map<String, Object>> items = read(body, "$.itemSummaries");
    return items.stream()
        .map(
            item -> {
              BigDecimal price =
                  new BigDecimal(((Map<String, String>) item.get("price")).get("value"));
              List<Map<String, Object>> shipping =
                  (List<Map<String, Object>>) item.get("shippingOptions");
              if (shipping != null && shipping.get(0).containsKey("shippingCost")) {
                price =
                    price.add(
                        new BigDecimal(
                            ((Map<String, String>) shipping.get(0).get("shippingCost"))
                                .get("value")));
              }
              return price;
            })
        .toList();
  }
}
