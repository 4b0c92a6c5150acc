package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.ebaymock.MockApiTests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The field filters eBay documents, one by one. */
class FiltersEndpointTests extends MockApiTests {

  private String token;
  private int unfiltered;

  @BeforeEach
  void obtainToken() throws Exception {
    token = token();
    unfiltered = total(search(token));
  }

  @Test
  void leavesOutListingsThatDoNotShipToTheDeliveryCountry() throws Exception {
    String body = body(search(token).param("filter", "deliveryCountry:DE"));

    assertThat((int) read(body, "$.total")).isLessThan(unfiltered).isPositive();
    assertThat(items(body))
        .allSatisfy(item -> assertThat(item).containsKey("shippingOptions"))
        .anySatisfy(item -> assertThat(country(item)).isEqualTo("US"))
        .anySatisfy(item -> assertThat(country(item)).isEqualTo("DE"));
  }

  @Test
  void keepsOnlyFreeShippingWithMaxDeliveryCostZero() throws Exception {
    String body = body(search(token).param("filter", "maxDeliveryCost:0"));

    assertThat((int) read(body, "$.total")).isLessThan(unfiltered).isPositive();
    assertThat(items(body))
        .allSatisfy(
            item -> {
              Map<String, Object> option =
                  ((List<Map<String, Object>>) item.get("shippingOptions")).get(0);
              assertThat(option).containsEntry("shippingCostType", "FIXED");
              assertThat((Map<String, String>) option.get("shippingCost"))
                  .containsEntry("value", "0.00");
            });
  }

  @Test
  void keepsOnlyItemsLocatedInTheCountry() throws Exception {
    String body = body(search(token).param("filter", "itemLocationCountry:GB"));

    assertThat(items(body))
        .isNotEmpty()
        .allSatisfy(item -> assertThat(country(item)).isEqualTo("GB"));
    assertThat((int) read(body, "$.total")).isLessThan(unfiltered / 10);
  }

  @Test
  void keepsOnlySellersAcceptingReturns() throws Exception {
    int accepting = total(search(token).param("filter", "returnsAccepted:true"));

    assertThat((double) accepting / unfiltered).isBetween(0.6, 0.9);
    assertThat(total(search(token).param("filter", "returnsAccepted:false"))).isEqualTo(unfiltered);
  }

  @Test
  void keepsOnlyTheNamedSellers() throws Exception {
    List<String> sellers = read(body(search(token)), "$.itemSummaries[*].seller.username");
    String one = sellers.get(0);
    String other = sellers.stream().filter(s -> !s.equals(one)).findFirst().orElseThrow();

    List<String> named =
        read(
            body(
                search(token)
                    .param("filter", "sellers:{%s|%s}".formatted(one, other.toUpperCase()))),
            "$.itemSummaries[*].seller.username");

    assertThat(named).contains(one, other).allSatisfy(s -> assertThat(s).isIn(one, other));
  }

  @Test
  void leavesOutExcludedSellers() throws Exception {
    List<String> sellers = read(body(search(token)), "$.itemSummaries[*].seller.username");
    String excluded = sellers.get(0);

    String body = body(search(token).param("filter", "excludeSellers:{" + excluded + "}"));

    assertThat((List<String>) read(body, "$.itemSummaries[*].seller.username"))
        .doesNotContain(excluded);
    assertThat((int) read(body, "$.total")).isLessThan(unfiltered);
  }

  @ParameterizedTest
  @CsvSource({"'[1..5]', 1, 5", "'[3]', 3, 1000", "'[..2]', 0, 2"})
  void keepsAuctionsWithBidsInTheRange(String range, int min, int max) throws Exception {
    List<Map<String, Object>> items =
        items(
            body(
                search(token)
                    .param("filter", "buyingOptions:{AUCTION|FIXED_PRICE},bidCount:" + range)));

    assertThat(items)
        .isNotEmpty()
        .allSatisfy(
            item -> {
              assertThat((List<String>) item.get("buyingOptions")).contains("AUCTION");
              assertThat((int) item.get("bidCount")).isBetween(min, max);
            });
  }

  @Test
  void keepsBestOfferListingsWhenAskedFor() throws Exception {
    List<Map<String, Object>> items =
        items(body(search(token).param("filter", "buyingOptions:{BEST_OFFER}")));

    assertThat(items)
        .isNotEmpty()
        .allSatisfy(
            item ->
                assertThat((List<String>) item.get("buyingOptions"))
                    .contains("BEST_OFFER", "FIXED_PRICE"));
  }

  @Test
  void combinesFilters() throws Exception {
    List<Map<String, Object>> items =
        items(
            body(
                search(token)
                    .param(
                        "filter",
                        "itemLocationCountry:US,maxDeliveryCost:0,conditions:{USED},"
                            + "price:[100..],priceCurrency:USD")));

    assertThat(items)
        .isNotEmpty()
        .allSatisfy(
            item -> {
              assertThat(country(item)).isEqualTo("US");
              assertThat(item.get("condition")).isEqualTo("Used");
              assertThat(Double.parseDouble(((Map<String, String>) item.get("price")).get("value")))
                  .isGreaterThanOrEqualTo(100);
            });
  }

  @Test
  void warnsAboutFilterValuesItCannotUseAndIgnoresThem() throws Exception {
    String body =
        body(
            search(token)
                .param(
                    "filter",
                    "deliveryCountry:usa,maxDeliveryCost:5,returnsAccepted:maybe,bidCount:[5..1],"
                        + "excludeCategoryIds:{drones},sellers:{},searchInDescription:true"));

    assertThat((List<Integer>) read(body, "$.warnings[*].errorId"))
        .hasSize(7)
        .allSatisfy(id -> assertThat(id).isEqualTo(12002));
    assertThat((int) read(body, "$.total")).isEqualTo(unfiltered);
  }

  private int total(MockHttpServletRequestBuilder search) throws Exception {
    return read(body(search), "$.total");
  }

  private static String country(Map<String, Object> item) {
    return ((Map<String, String>) item.get("itemLocation")).get("country");
  }

  @Override
  protected MockHttpServletRequestBuilder search(String token) {
    return super.search(token).param("q", "dji mini").param("limit", "200");
  }
}
