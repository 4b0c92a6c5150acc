package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class EbayJsonTests {

  private final EbayJson json = new EbayJson();

  @Test
  void readsAnEmptyResultWithoutItemSummaries() {
    SearchResult result = read("{\"href\":\"x\",\"total\":0,\"limit\":50,\"offset\":0}");

    assertThat(result.items()).isEmpty();
    assertThat(result.total()).isZero();
    assertThat(result.hasMore()).isFalse();
  }

  @Test
  void acceptsNumbersWhereEbaySendsStrings() {
    SearchResult result =
        read(
            """
            {"total":"1","itemSummaries":[{"itemId":"v1|1|0","title":"Drone",
              "price":{"value":12.5,"currency":"USD"},"buyingOptions":["FIXED_PRICE","SOMETHING_NEW"],
              "seller":{"username":"s","feedbackScore":"12","feedbackPercentage":99}}]}
            """);

    ItemSummary item = result.items().get(0);
    assertThat(item.price().value()).isEqualByComparingTo("12.5");
    assertThat(item.buyingOptions()).containsExactly(BuyingOption.FIXED_PRICE);
    assertThat(item.seller()).isEqualTo(new Seller("s", 12, new BigDecimal("99")));
  }

  @Test
  void skipsListingsWithoutIdTitleOrUsablePrice() {
    SearchResult result =
        read(
            """
            {"total":4,"itemSummaries":[
              {"title":"No id","price":{"value":"1.00","currency":"USD"}},
              {"itemId":"v1|2|0","price":{"value":"1.00","currency":"USD"}},
              {"itemId":"v1|3|0","title":"Negative","price":{"value":"-1.00","currency":"USD"}},
              {"itemId":"v1|4|0","title":"No currency","price":{"value":"1.00"}},
              "not even an object",
              {"itemId":"v1|5|0","title":"Fine","currentBidPrice":{"value":"3.00","currency":"USD"},
               "thumbnailImages":[{"imageUrl":"https://i.ebayimg.com/t.jpg"}]}]}
            """);

    assertThat(result.skippedItems()).isEqualTo(5);
    assertThat(result.items())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.price()).isEqualTo(item.currentBidPrice());
              assertThat(item.imageUrl()).isEqualTo("https://i.ebayimg.com/t.jpg");
            });
  }

  @Test
  void refusesAnswersThatAreNotAJsonObject() {
    assertThatThrownBy(() -> read("[]")).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> read("")).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> read("{\"total\":")).isInstanceOf(JacksonException.class);
  }

  @Test
  void readsEbaysErrorsAndToleratesBodiesThatAreNot() {
    List<EbayError> errors =
        json.errors(
            bytes(
                """
                {"errors":[{"errorId":12006,"domain":"API_BROWSE","category":"REQUEST",
                  "message":"bad limit","parameters":[{"name":"limit","value":"0"}]}]}
                """));

    assertThat(errors)
        .containsExactly(
            new EbayError(12006, "API_BROWSE", "REQUEST", "bad limit", null, Map.of("limit", "0")));
    assertThat(json.errors(bytes("<html>Bad gateway</html>"))).isEmpty();
  }

  @Test
  void keepsAListingWhoseShippingOptionsAreAllBroken() {
    SearchResult result =
        read(
            """
            {"itemSummaries":[{"itemId":"v1|1|0","title":"Drone","price":{"value":"10.00","currency":"USD"},
              "shippingOptions":["x", 7, null, {"shippingCost":"free"}, {"shippingCostType":{"a":1}}]}]}
            """);

    assertThat(result.items())
        .singleElement()
        .satisfies(
            item -> {
              // Options that are objects but say nothing usable: shipping of unknown cost.
              assertThat(item.shipping())
                  .isEqualTo(new Shipping(ShippingCostType.NOT_SPECIFIED, null));
              assertThat(item.freeShipping()).isFalse();
              assertThat(item.totalPrice()).isNull();
            });
  }

  @Test
  void treatsAnEmptyOrUnreadableShippingListAsNoShipping() {
    SearchResult result =
        read(
            """
            {"itemSummaries":[
              {"itemId":"v1|1|0","title":"Empty","price":{"value":"1","currency":"USD"},"shippingOptions":[]},
              {"itemId":"v1|2|0","title":"Strings","price":{"value":"1","currency":"USD"},"shippingOptions":["a","b"]},
              {"itemId":"v1|3|0","title":"Object","price":{"value":"1","currency":"USD"},"shippingOptions":{"x":1}}]}
            """);

    assertThat(result.items()).hasSize(3).allSatisfy(item -> assertThat(item.shipping()).isNull());
  }

  @Test
  void readsUnknownShippingCostTypesAsNotSpecified() {
    SearchResult result =
        read(
            """
            {"itemSummaries":[{"itemId":"v1|1|0","title":"Drone","price":{"value":"10.00","currency":"USD"},
              "shippingOptions":[{"shippingCostType":"FREIGHT","shippingCost":{"value":"0.00","currency":"USD"}}]}]}
            """);

    Shipping shipping = result.items().get(0).shipping();
    assertThat(shipping.type()).isEqualTo(ShippingCostType.NOT_SPECIFIED);
    assertThat(shipping.free()).isTrue();
  }

  @Test
  void prefersShippingCostsInTheItemsCurrency() {
    SearchResult result =
        read(
            """
            {"itemSummaries":[{"itemId":"v1|1|0","title":"Drone","price":{"value":"10.00","currency":"USD"},
              "shippingOptions":[{"shippingCostType":"FIXED","shippingCost":{"value":"1.00","currency":"GBP"}},
                                 {"shippingCostType":"FIXED","shippingCost":{"value":"4.00","currency":"USD"}}]}]}
            """);

    ItemSummary item = result.items().get(0);
    assertThat(item.shipping().cost()).isEqualTo(new Money(new BigDecimal("4.00"), "USD"));
    assertThat(item.totalPrice()).isEqualTo(new Money(new BigDecimal("14.00"), "USD"));
  }

  @Test
  void leavesOutTheTotalWhenShippingIsInAnotherCurrency() {
    SearchResult result =
        read(
            """
            {"itemSummaries":[{"itemId":"v1|1|0","title":"Drone","price":{"value":"10.00","currency":"USD"},
              "shippingOptions":[{"shippingCostType":"FIXED","shippingCost":{"value":"1.00","currency":"GBP"}}]}]}
            """);

    ItemSummary item = result.items().get(0);
    assertThat(item.shipping().known()).isTrue();
    assertThat(item.totalPrice()).isNull();
  }

  @Test
  void dropsABrokenConversionButKeepsTheAmount() {
    SearchResult result =
        read(
            """
            {"itemSummaries":[
              {"itemId":"v1|1|0","title":"No currency","price":{"value":"10.00","currency":"USD","convertedFromValue":"13.50"}},
              {"itemId":"v1|2|0","title":"Negative","price":{"value":"10.00","currency":"USD","convertedFromValue":"-1","convertedFromCurrency":"CAD"}},
              {"itemId":"v1|3|0","title":"Not a number","price":{"value":"10.00","currency":"USD","convertedFromValue":"lots","convertedFromCurrency":"CAD"}},
              {"itemId":"v1|4|0","title":"Not a currency","price":{"value":"10.00","currency":"USD","convertedFromValue":"13.50","convertedFromCurrency":"dollars"}}]}
            """);

    assertThat(result.items())
        .hasSize(4)
        .allSatisfy(
            item -> assertThat(item.price()).isEqualTo(new Money(new BigDecimal("10.00"), "USD")));
  }

  @Test
  void skipsListingsPricedInSomethingThatIsNotACurrency() {
    SearchResult result =
        read(
            """
            {"itemSummaries":[{"itemId":"v1|1|0","title":"Drone","price":{"value":"1","currency":"%s"}}]}
            """
                .formatted("X".repeat(10_000)));

    assertThat(result.items()).isEmpty();
    assertThat(result.skippedItems()).isEqualTo(1);
  }

  @Test
  void refusesNumbersTooLargeToHandle() {
    SearchResult result =
        read(
            """
            {"total":"1e999999999","itemSummaries":[
              {"itemId":"v1|1|0","title":"Huge","price":{"value":"1e999999999","currency":"USD"}},
              {"itemId":"v1|2|0","title":"Fine","price":{"value":"5","currency":"USD"},"bidCount":"9e99999"}]}
            """);

    assertThat(result.skippedItems()).isEqualTo(1);
    assertThat(result.items())
        .singleElement()
        .satisfies(item -> assertThat(item.bidCount()).isNull());
  }

  @Test
  void capsTheCategoriesOfAListingAndDropsMalformedOnes() {
    StringBuilder categories = new StringBuilder();
    for (int i = 0; i < 80; i++) {
      categories
          .append(i == 0 ? "" : ",")
          .append("{\"categoryId\":\"%d\",\"categoryName\":\"C%d\"}".formatted(1000 + i, i));
    }
    SearchResult result =
        read(
            """
            {"itemSummaries":[
              {"itemId":"v1|1|0","title":"Many","price":{"value":"1","currency":"USD"},"categories":[%s]},
              {"itemId":"v1|2|0","title":"Odd","price":{"value":"1","currency":"USD"},
               "categories":[{"categoryId":"12a"},{"categoryName":"no id"},"x",{"categoryId":"7","categoryName":"Seven"},
                             {"categoryId":"7","categoryName":"Seven again"}],
               "leafCategoryIds":["7","8",{"x":1},"-3","9"]}]}
            """
                .formatted(categories));

    assertThat(result.items().get(0).categories()).hasSize(ItemSummary.MAX_CATEGORIES);
    assertThat(result.items().get(1).categories())
        .containsExactly(
            new Category("7", "Seven"), new Category("8", null), new Category("9", null));
  }

  @Test
  void cutsOverlongCategoryNames() {
    String longName = "x".repeat(5000);
    SearchResult result =
        read(
            """
            {"itemSummaries":[{"itemId":"v1|1|0","title":"Drone","price":{"value":"1","currency":"USD"},
              "categories":[{"categoryId":"1","categoryName":"%s"}]}]}
            """
                .formatted(longName));

    assertThat(result.items().get(0).categories().get(0).name()).hasSize(EbayJson.MAX_NAME_LENGTH);
  }

  @Test
  void readsItemGroupIdsOnlyFromWellFormedHrefs() {
    assertThat(
            EbayJson.itemGroupId(
                "https://api.ebay.com/buy/browse/v1/item/get_items_by_item_group?item_group_id=315012345678"))
        .isEqualTo("315012345678");
    assertThat(EbayJson.itemGroupId("https://x/y?a=1&item_group_id=12%33&b=2")).isEqualTo("123");
    assertThat(EbayJson.itemGroupId("https://x/y?item_group_id=1,2%7C3")).isNull();
    assertThat(EbayJson.itemGroupId("https://x/y?item_group_id=%ZZ")).isNull();
    assertThat(EbayJson.itemGroupId("https://x/y?other_id=1")).isNull();
    assertThat(EbayJson.itemGroupId(null)).isNull();
  }

  @Test
  void ignoresCodesThatAreNotEbaysShape() {
    SearchResult result =
        read(
            """
            {"itemSummaries":[{"itemId":"v1|1|0","title":"Drone","price":{"value":"1","currency":"USD"},
              "itemGroupType":"<script>","listingMarketplaceId":"EBAY_US,EBAY_DE",
              "itemLocation":{"country":"Germany","postalCode":"101**"}}]}
            """);

    ItemSummary item = result.items().get(0);
    assertThat(item.itemGroupType()).isNull();
    assertThat(item.listingMarketplaceId()).isNull();
    assertThat(item.itemLocation()).isEqualTo(new ItemLocation(null, "101**", null));
  }

  @Test
  void capsTheRefinementAndSkipsMalformedEntries() {
    StringBuilder distributions =
        new StringBuilder("\"x\",{\"categoryId\":\"1\"},{\"categoryId\":\"2\",\"matchCount\":-5}");
    for (int i = 0; i < 300; i++) {
      distributions.append(
          ",{\"categoryId\":\"%d\",\"categoryName\":\"C\",\"matchCount\":%d}"
              .formatted(100 + i, i));
    }
    SearchResult result =
        read(
            """
            {"itemSummaries":[],"refinement":{"dominantCategoryId":"100","categoryDistributions":[%s]}}
            """
                .formatted(distributions));

    assertThat(result.refinement().dominantCategoryId()).isEqualTo("100");
    assertThat(result.refinement().categories())
        .hasSize(CategoryRefinement.MAX_CATEGORIES)
        .first()
        .isEqualTo(new CategoryCount("100", "C", 0));
  }

  @Test
  void readsNoRefinementFromAnAnswerWithoutCategories() {
    assertThat(read("{\"refinement\":{\"aspectDistributions\":[]}}").refinement()).isNull();
    assertThat(read("{\"refinement\":\"none\"}").refinement()).isNull();
  }

  @Test
  void capsTheListingsOfAPage() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 250; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append(
              "{\"itemId\":\"v1|%d|0\",\"title\":\"T\",\"price\":{\"value\":\"1\",\"currency\":\"USD\"}}"
                  .formatted(i));
    }

    SearchResult result = read("{\"itemSummaries\":[" + items + "]}");

    assertThat(result.items()).hasSize(EbayJson.MAX_ITEMS);
    assertThat(result.skippedItems()).isEqualTo(50);
  }

  @Test
  void fallsBackToTheRequestedPagingWhenEbayDoesNotEchoIt() {
    SearchResult result =
        json.searchResult(bytes("{\"limit\":\"many\",\"offset\":-3}"), List.of(), 25, 75);

    assertThat(result.limit()).isEqualTo(25);
    assertThat(result.offset()).isEqualTo(75);
    assertThat(result.next()).isNull();
    assertThat(result.hasMore()).isFalse();
  }

  private SearchResult read(String body) {
    return json.searchResult(bytes(body), List.of());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
