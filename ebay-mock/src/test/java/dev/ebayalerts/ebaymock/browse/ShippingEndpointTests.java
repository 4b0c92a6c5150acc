package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.ebaymock.MockApiTests;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Shipping options and what the buyer's location does to them. */
class ShippingEndpointTests extends MockApiTests {

  private static final String TO_GERMANY = "contextualLocation=country%3DDE%2Czip%3D10115";

  private String token;

  @BeforeEach
  void obtainToken() throws Exception {
    token = token();
  }

  @Test
  void shipsForFreeForAFixedCostOrAtACalculatedCost() throws Exception {
    List<Map<String, Object>> options =
        items(body(search(token))).stream()
            .filter(item -> item.containsKey("shippingOptions"))
            .map(ShippingEndpointTests::shipping)
            .toList();

    assertThat(options)
        .allSatisfy(
            option -> assertThat(option.get("shippingCostType")).isIn("FIXED", "CALCULATED"))
        .anySatisfy(option -> assertThat(cost(option)).isEqualByComparingTo("0.00"))
        .anySatisfy(option -> assertThat(cost(option)).isPositive())
        .anySatisfy(
            option ->
                assertThat(option)
                    .containsEntry("shippingCostType", "CALCULATED")
                    .doesNotContainKey("shippingCost"));
    assertThat(options)
        .filteredOn(option -> option.get("shippingCostType").equals("FIXED"))
        .allSatisfy(option -> assertThat(option).containsKey("shippingCost"));
  }

  @Test
  void shipsToTheBuyerOfTheEndUserContextAtInternationalCosts() throws Exception {
    Map<String, Map<String, Object>> home = byId(body(search(token)));
    Map<String, Map<String, Object>> germany =
        byId(body(search(token).header("X-EBAY-C-ENDUSERCTX", TO_GERMANY)));

    // The same listings, shipped elsewhere.
    assertThat(germany.keySet()).isEqualTo(home.keySet());
    List<String> fromTheUs =
        home.keySet().stream().filter(id -> location(home.get(id)).equals("US")).toList();
    // Some sellers ship only within their country...
    assertThat(fromTheUs)
        .anySatisfy(id -> assertThat(germany.get(id)).doesNotContainKey("shippingOptions"));
    // ...the others charge more to ship abroad.
    assertThat(median(fromTheUs, germany)).isGreaterThan(median(fromTheUs, home));
    assertThat(fromTheUs)
        .filteredOn(id -> germany.get(id).containsKey("shippingOptions"))
        .anySatisfy(
            id -> assertThat(shipping(germany.get(id))).isNotEqualTo(shipping(home.get(id))));
  }

  @Test
  void shipsToTheDeliveryCountryWithoutAnEndUserContext() throws Exception {
    Map<String, Map<String, Object>> germany =
        byId(
            body(
                search(token)
                    .header("X-EBAY-C-ENDUSERCTX", TO_GERMANY)
                    .param("filter", "deliveryCountry:DE")));
    Map<String, Map<String, Object>> byFilter =
        byId(body(search(token).param("filter", "deliveryCountry:DE")));

    assertThat(byFilter).isEqualTo(germany);
  }

  private static Map<String, Map<String, Object>> byId(String body) {
    return items(body).stream()
        .collect(Collectors.toMap(item -> (String) item.get("itemId"), Function.identity()));
  }

  /** The median of the known fixed costs of shipping the items. */
  private static BigDecimal median(List<String> ids, Map<String, Map<String, Object>> items) {
    List<BigDecimal> costs =
        ids.stream()
            .map(items::get)
            .filter(item -> item.containsKey("shippingOptions"))
            .map(ShippingEndpointTests::shipping)
            .filter(option -> option.containsKey("shippingCost"))
            .map(ShippingEndpointTests::cost)
            .sorted()
            .toList();
    return costs.get(costs.size() / 2);
  }

  private static Map<String, Object> shipping(Map<String, Object> item) {
    List<Map<String, Object>> options = (List<Map<String, Object>>) item.get("shippingOptions");
    assertThat(options).as("shippingOptions of %s", item.get("itemId")).hasSize(1);
    return options.get(0);
  }

  private static BigDecimal cost(Map<String, Object> option) {
    Map<String, String> cost = (Map<String, String>) option.get("shippingCost");
    return cost == null ? BigDecimal.valueOf(-1) : new BigDecimal(cost.get("value"));
  }

  private static String location(Map<String, Object> item) {
    return ((Map<String, String>) item.get("itemLocation")).get("country");
  }

  @Override
  protected MockHttpServletRequestBuilder search(String token) {
    return super.search(token).param("q", "macbook air").param("limit", "200");
  }
}
