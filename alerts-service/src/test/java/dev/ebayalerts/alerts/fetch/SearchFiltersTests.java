package dev.ebayalerts.alerts.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * An alert's marketplace, shipping and eBay's further filters, from the request eBay gets to what
 * the alert tells: against eBay stubs answering eBay's documented JSON.
 */
@IntegrationTest
class SearchFiltersTests {

  @Autowired FetchCycle cycle;
  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void signInAsJane() {
    http = Sessions.signedIn(http, signInLinks, "jane@example.com");
  }

  @BeforeEach
  void noOtherAlerts() {
    jdbc.sql("delete from delivery").update();
    jdbc.sql("delete from alert").update();
    jdbc.sql("delete from search_result").update();
  }

  @Test
  void eBayIsAskedOnTheAlertsMarketplaceForItsBuyerWithEveryFilterItCanApply() {
    EbayStub.summaries("leica m6 berlin", null, item("1", "Leica M6", "1500.00", "EUR", ""));
    create(
        "leica m6 berlin",
        """
        "marketplace":"EBAY_DE","maxPrice":2000,"shipToCountry":"DE","shipToPostalCode":"10115",
        "returnsAccepted":true,"itemLocationCountry":"DE","categoryIds":["15230"],
        "excludedCategoryIds":["29994"],"excludedSellers":["bargain_bin"],
        "buyingOption":"AUCTION","minBids":1,"maxBids":5""");

    runDue();

    EbayStub.server()
        .verify(
            getRequestedFor(urlPathEqualTo(EbayStub.SEARCH))
                .withQueryParam("q", equalTo("leica m6 berlin"))
                .withQueryParam("category_ids", equalTo("15230"))
                .withQueryParam("filter", containing("price:[..2000.00],priceCurrency:EUR"))
                .withQueryParam("filter", containing("buyingOptions:{AUCTION}"))
                .withQueryParam("filter", containing("bidCount:[1..5]"))
                .withQueryParam("filter", containing("deliveryCountry:DE"))
                .withQueryParam("filter", containing("itemLocationCountry:DE"))
                .withQueryParam("filter", containing("returnsAccepted:true"))
                .withQueryParam("filter", containing("excludeSellers:{bargain_bin}"))
                .withQueryParam("filter", containing("excludeCategoryIds:{29994}"))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_DE"))
                .withHeader(
                    "X-EBAY-C-ENDUSERCTX",
                    equalTo("contextualLocation=country%3DDE%2Czip%3D10115")));
  }

  @Test
  void theSameSearchOnTwoMarketplacesIsTwoCalls() {
    EbayStub.summaries("hasselblad 500cm", null, item("2", "Hasselblad", "900.00", "USD", ""));
    create("hasselblad 500cm", "\"marketplace\":\"EBAY_US\"");
    create("hasselblad 500cm", "\"marketplace\":\"EBAY_GB\"");
    EbayStub.forgetRequests();

    runDue();

    assertThat(EbayStub.searches("hasselblad 500cm")).isEqualTo(2);
  }

  @Test
  void anItemGroupIsOneListingPricedFromItsCheapestVariant() {
    String group =
        ",\"itemGroupHref\":\"https://api.ebay.com/buy/browse/v1/item/get_items_by_item_group?item_group_id=4242\","
            + "\"itemGroupType\":\"SELLER_DEFINED_VARIATIONS\"";
    EbayStub.summaries(
        "iphone 13 variants",
        null,
        item("4242|11", "iPhone 13 128GB", "399.00", "USD", group),
        item("4242|12", "iPhone 13 256GB", "449.00", "USD", group),
        item("4242|13", "iPhone 13 512GB", "549.00", "USD", group),
        item("77", "iPhone 13 single", "420.00", "USD", ""));
    String id = create("iphone 13 variants", null);

    runDue();

    String payload = payloads(id).get(0);
    assertThat(payload)
        .contains("v1|4242|0", "\"price\":399.00", "\"priceTo\":549.00", "iPhone 13 single")
        .doesNotContain("v1|4242|12", "v1|4242|13");
  }

  @Test
  void aForeignSellersPriceIsNotADropWhenOnlyTheRateMovedAndIsWhenTheSellerCutIt() {
    EbayStub.summaries("canon ae1 toronto", null, converted("5", "100.00", "130.00"));
    String id = create("canon ae1 toronto", null);
    runDue();

    // The Canadian dollar fell 10 %: US$90 for the same CA$130.
    EbayStub.summaries("canon ae1 toronto", null, converted("5", "90.00", "130.00"));
    makeDue(id);
    runDue();
    assertThat(payloads(id)).hasSize(1);

    // The seller cut the price by 10 %: CA$117.
    EbayStub.summaries("canon ae1 toronto", null, converted("5", "81.00", "117.00"));
    makeDue(id);
    runDue();
    List<String> payloads = payloads(id);
    assertThat(payloads).hasSize(2);
    assertThat(payloads.get(1))
        .contains("\"previousPrice\":100.00", "\"price\":81.00", "\"sellerCurrency\":\"CAD\"");
  }

  @Test
  void comparedByTotalTheMaximumCoversShippingAndPricesAreToldWithIt() {
    EbayStub.summaries(
        "rolleiflex total",
        null,
        shipped("30", "280.00", "FIXED", "15.00"),
        shipped("31", "290.00", "FIXED", "0.00"),
        shipped("32", "295.00", "CALCULATED", null));
    String id = create("rolleiflex total", "\"priceBasis\":\"TOTAL\",\"maxPrice\":300");

    runDue();

    EbayStub.server()
        .verify(
            getRequestedFor(urlPathEqualTo(EbayStub.SEARCH))
                .withQueryParam("q", equalTo("rolleiflex total"))
                .withQueryParam("filter", containing("price:[..300.00],priceCurrency:USD")));
    String payload = payloads(id).get(0);
    assertThat(payload)
        .contains("v1|31|0", "v1|32|0", "\"price\":290.00", "\"shippingIncluded\":true")
        // 280 + 15 shipping is within 300, but the calculated one is told by its item price
        .contains("v1|30|0", "\"price\":295.00");
  }

  @Test
  void severalCategoriesAndSellerFeedbackAreAppliedToTheResults() {
    EbayStub.summaries(
        "switch oled cats",
        null,
        categorised("40", "139971", "99.8", 5000),
        categorised("41", "20349", "99.8", 5000),
        categorised("42", "139973", "97.0", 5000),
        categorised("43", "139973", "99.9", 12));
    String id =
        create(
            "switch oled cats",
            """
            "categoryIds":["139971","139973"],"minSellerFeedbackPercent":98,
            "minSellerFeedbackScore":100""");

    runDue();

    EbayStub.server()
        .verify(
            0,
            getRequestedFor(urlPathEqualTo(EbayStub.SEARCH))
                .withQueryParam("q", equalTo("switch oled cats"))
                .withQueryParam(
                    "category_ids",
                    com.github.tomakehurst.wiremock.client.WireMock.matching(".*")));
    String payload = payloads(id).get(0);
    assertThat(payload).contains("v1|40|0").doesNotContain("v1|41|0", "v1|42|0", "v1|43|0");
  }

  private static String item(String id, String title, String price, String currency, String more) {
    String itemId = id.contains("|") ? "v1|" + id : "v1|" + id + "|0";
    return """
        {"itemId":"%s","title":"%s","price":{"value":"%s","currency":"%s"},
         "buyingOptions":["FIXED_PRICE"],"itemWebUrl":"https://www.ebay.com/itm/%s",
         "seller":{"username":"seller_%s","feedbackPercentage":"99.5","feedbackScore":1200}%s}"""
        .formatted(itemId, title, price, currency, id.replace("|", ""), id.replace("|", ""), more);
  }

  private static String converted(String id, String usd, String cad) {
    return """
        {"itemId":"v1|%s|0","title":"Canon AE-1 from Toronto",
         "price":{"value":"%s","currency":"USD","convertedFromValue":"%s","convertedFromCurrency":"CAD"},
         "buyingOptions":["FIXED_PRICE"],"itemWebUrl":"https://www.ebay.com/itm/%s",
         "seller":{"username":"toronto_cams","feedbackPercentage":"99.5","feedbackScore":800},
         "itemLocation":{"country":"CA","postalCode":"M5V***"}}"""
        .formatted(id, usd, cad, id);
  }

  private static String shipped(String id, String price, String type, String cost) {
    String shipping =
        cost == null
            ? "{\"shippingCostType\":\"%s\"}".formatted(type)
            : "{\"shippingCostType\":\"%s\",\"shippingCost\":{\"value\":\"%s\",\"currency\":\"USD\"}}"
                .formatted(type, cost);
    return item(
        id, "Rolleiflex 2.8F #" + id, price, "USD", ",\"shippingOptions\":[" + shipping + "]");
  }

  private static String categorised(String id, String category, String percent, int score) {
    return """
        {"itemId":"v1|%s|0","title":"Switch OLED #%s","price":{"value":"299.00","currency":"USD"},
         "buyingOptions":["FIXED_PRICE"],"itemWebUrl":"https://www.ebay.com/itm/%s",
         "categories":[{"categoryId":"%s","categoryName":"Some category"}],
         "seller":{"username":"seller_%s","feedbackPercentage":"%s","feedbackScore":%d}}"""
        .formatted(id, id, id, category, id, percent, score);
  }

  private void runDue() {
    jdbc.sql(
            "update alert set next_run_at = now() where next_run_at > now() and last_run_at is null")
        .update();
    cycle.runDue();
  }

  private void makeDue(String id) {
    jdbc.sql("update search_result set fetched_at = fetched_at - interval '1 hour'").update();
    jdbc.sql("update alert set next_run_at = now() - interval '1 second' where id = ?::uuid")
        .param(id)
        .update();
  }

  private String create(String phrase, String extra) {
    return http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"email\":\"jane@example.com\",\"searchPhrase\":\"%s\",\"frequencyMinutes\":10%s}"
                .formatted(phrase, extra == null ? "" : "," + extra))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
  }

  private List<String> payloads(String alertId) {
    return jdbc.sql(
            "select replace(payload::text, '\": ', '\":') from delivery where alert_id = ?::uuid"
                + " order by created_at")
        .param(alertId)
        .query(String.class)
        .list();
  }
}
