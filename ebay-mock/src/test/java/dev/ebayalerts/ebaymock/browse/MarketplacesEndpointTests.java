package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ebayalerts.ebaymock.MockApiTests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sites, their currencies and hosts, sellers abroad and their converted prices. */
class MarketplacesEndpointTests extends MockApiTests {

  private String token;

  @BeforeEach
  void obtainToken() throws Exception {
    token = token();
  }

  @ParameterizedTest
  @CsvSource({
    "EBAY_US, USD, www.ebay.com, US",
    "EBAY_GB, GBP, www.ebay.co.uk, GB",
    "EBAY_DE, EUR, www.ebay.de, DE",
    "EBAY_FR, EUR, www.ebay.fr, FR",
    "EBAY_IT, EUR, www.ebay.it, IT",
    "EBAY_ES, EUR, www.ebay.es, ES",
    "EBAY_CA, CAD, www.ebay.ca, CA",
    "EBAY_AU, AUD, www.ebay.com.au, AU"
  })
  void pricesInTheSitesCurrencyAndLinksToItsHost(
      String site, String currency, String host, String country) throws Exception {
    List<Map<String, Object>> items =
        items(
            body(
                search(token)
                    .header("X-EBAY-C-MARKETPLACE-ID", site)
                    .param("q", "drone")
                    .param("limit", "200")));

    assertThat(items)
        .hasSize(200)
        .allSatisfy(
            item -> {
              assertThat(amount(item, "price")).containsEntry("currency", currency);
              assertThat((String) item.get("itemWebUrl")).startsWith("https://" + host + "/itm/");
              assertThat((String) item.get("listingMarketplaceId")).startsWith("EBAY_");
            });
    assertThat(items)
        .filteredOn(item -> item.containsKey("shippingOptions"))
        .flatMap(item -> (List<Map<String, Object>>) item.get("shippingOptions"))
        .filteredOn(option -> option.containsKey("shippingCost"))
        .isNotEmpty()
        .allSatisfy(
            option ->
                assertThat((Map<String, String>) option.get("shippingCost"))
                    .containsEntry("currency", currency));
    // Mostly local sellers, listing on this site.
    long local =
        items.stream().filter(item -> location(item).get("country").equals(country)).count();
    assertThat(local).isBetween(140L, 195L);
    assertThat(items)
        .filteredOn(item -> location(item).get("country").equals(country))
        .allSatisfy(item -> assertThat(item.get("listingMarketplaceId")).isEqualTo(site));
  }

  @Test
  void searchesEbayUsWithoutAMarketplace() throws Exception {
    mvc.perform(search(token).param("q", "drone").param("limit", "5"))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.itemSummaries[*].price.currency", Matchers.everyItem(Matchers.is("USD"))));
  }

  @Test
  void rejectsMarketplacesItDoesNotSupportAsEbayDoes() throws Exception {
    mvc.perform(search(token).header("X-EBAY-C-MARKETPLACE-ID", "EBAY_XX").param("q", "drone"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].errorId").value(12019))
        .andExpect(jsonPath("$.errors[0].domain").value("API_BROWSE"))
        .andExpect(jsonPath("$.errors[0].category").value("BUSINESS"))
        .andExpect(
            jsonPath(
                "$.errors[0].message",
                Matchers.startsWith("Currently, the EBAY_XX marketplace is not supported.")))
        .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("EBAY_GB")))
        .andExpect(jsonPath("$.errors[0].parameters[0].value").value("EBAY_XX"));
  }

  @Test
  void showsForeignSellersPricesConvertedWithTheirOwnPriceAlongside() throws Exception {
    List<Map<String, Object>> items =
        items(
            body(
                search(token)
                    .header("X-EBAY-C-MARKETPLACE-ID", "EBAY_GB")
                    .param("q", "ps5")
                    .param("limit", "200")));

    assertThat(items)
        .filteredOn(item -> !location(item).get("country").equals("GB"))
        .isNotEmpty()
        .allSatisfy(
            item -> {
              Map<String, String> price = amount(item, "price");
              assertThat(price).containsEntry("currency", "GBP");
              assertThat(price.get("convertedFromCurrency")).isIn("USD", "EUR", "CAD", "AUD");
              assertThat(price.get("convertedFromValue")).matches("[0-9]+\\.[0-9]{2}");
            });
    assertThat(items)
        .filteredOn(item -> location(item).get("country").equals("GB"))
        .allSatisfy(
            item -> assertThat(amount(item, "price")).doesNotContainKey("convertedFromValue"));
  }

  @Test
  void keepsTheSellersOwnPriceWhileTheConvertedOneMovesWithTheRate() throws Exception {
    String window =
        "itemStartDate:[%s..%s]"
            .formatted(Instant.parse(NOW).minus(Duration.ofHours(12)), Instant.parse(NOW));
    Map<String, Map<String, String>> today = foreignPrices(token, window);
    clock.advance(Duration.ofDays(2));
    Map<String, Map<String, String>> later = foreignPrices(token(), window);

    List<String> unchangedBySeller =
        today.keySet().stream()
            .filter(later::containsKey)
            .filter(
                id ->
                    today
                        .get(id)
                        .get("convertedFromValue")
                        .equals(later.get(id).get("convertedFromValue")))
            .toList();
    assertThat(unchangedBySeller).hasSizeGreaterThan(5);
    // Same seller price, another rate: another converted price, not a seller's price change.
    assertThat(unchangedBySeller)
        .allSatisfy(
            id -> assertThat(later.get(id).get("value")).isNotEqualTo(today.get(id).get("value")));
  }

  private Map<String, Map<String, String>> foreignPrices(String token, String filter)
      throws Exception {
    return items(
            body(
                search(token)
                    .param("q", "macbook air")
                    .param("limit", "200")
                    .param("filter", filter)))
        .stream()
        .filter(item -> amount(item, "price").containsKey("convertedFromValue"))
        .collect(
            Collectors.toMap(item -> (String) item.get("itemId"), item -> amount(item, "price")));
  }

  private static Map<String, String> amount(Map<String, Object> item, String field) {
    return (Map<String, String>) item.get(field);
  }

  private static Map<String, String> location(Map<String, Object> item) {
    return (Map<String, String>) item.get("itemLocation");
  }
}
