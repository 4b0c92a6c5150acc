package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class EbayJsonTest {

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

  private SearchResult read(String body) {
    return json.searchResult(bytes(body), List.of());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
