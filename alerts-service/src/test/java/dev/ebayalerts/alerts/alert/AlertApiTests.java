package dev.ebayalerts.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class AlertApiTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcTemplate jdbc;

  /** The alerts API answers only the owner of an alert: these tests act as jane. */
  @BeforeEach
  void signInAsJane() {
    http = Sessions.signedIn(http, signInLinks, "jane@example.com");
  }

  @BeforeEach
  void emptyDatabase() {
    jdbc.update("delete from delivery");
    jdbc.update("delete from alert");
  }

  @Test
  void createsAnAlertWithTrimmedTextAndDefaults() {
    var created =
        http.post()
            .uri("/api/alerts")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                """
                {"email":" Jane@Example.com ","searchPhrase":"  nintendo switch  ","frequencyMinutes":10}""")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(AlertResponse.class)
            .returnResult();
    AlertResponse alert = created.getResponseBody();
    assertThat(created.getResponseHeaders().getLocation()).hasPath("/api/alerts/" + alert.id());
    assertThat(alert.email()).isEqualTo("jane@example.com");
    assertThat(alert.searchPhrase()).isEqualTo("nintendo switch");
    assertThat(alert.frequencyMinutes()).isEqualTo(10);
    assertThat(alert.currency()).isEqualTo("USD");
    assertThat(alert.condition()).isEqualTo(ItemCondition.ANY);
    assertThat(alert.buyingOption()).isEqualTo(BuyingOption.ANY);
    assertThat(alert.excludeWords()).isEmpty();
    assertThat(alert.active()).isTrue();
    assertThat(alert.version()).isZero();
    assertThat(alert.createdAt()).isNotNull().isEqualTo(alert.updatedAt());
    assertThat(get(alert.id().toString())).isEqualTo(alert);
  }

  @Test
  void storesEveryFilter() {
    AlertResponse alert =
        create(
            """
            {"email":"jane@example.com","searchPhrase":"lego 10497","frequencyMinutes":2,
             "minPrice":10.5,"maxPrice":99.99,"marketplace":"EBAY_DE","currency":"eur","condition":"NEW",
             "buyingOption":"AUCTION","excludeWords":["Broken"," parts "],"active":false}""");

    AlertResponse read = get(alert.id().toString());
    assertThat(read.minPrice()).isEqualByComparingTo("10.50");
    assertThat(read.maxPrice()).isEqualByComparingTo("99.99");
    assertThat(read.currency()).isEqualTo("EUR");
    assertThat(read.condition()).isEqualTo(ItemCondition.NEW);
    assertThat(read.buyingOption()).isEqualTo(BuyingOption.AUCTION);
    assertThat(read.excludeWords()).containsExactly("broken", "parts");
    assertThat(read.active()).isFalse();
  }

  @Test
  void storesTheMarketplaceShippingAndEbaysFurtherFilters() {
    AlertResponse alert =
        create(
            """
            {"email":"jane@example.com","searchPhrase":"leica m6","frequencyMinutes":10,
             "marketplace":"EBAY_GB","priceBasis":"TOTAL","maxPrice":1500,
             "shipToCountry":"gb","shipToPostalCode":"SW1A 1AA","freeShippingOnly":true,
             "returnsAccepted":true,"itemLocationCountry":"de","categoryIds":["15230"],
             "excludedCategoryIds":["29994","29995"],"sellers":["Leica_Store"],
             "excludedSellers":["bargain_bin"],"minSellerFeedbackScore":100,
             "minSellerFeedbackPercent":98.5,"buyingOption":"AUCTION","minBids":1,"maxBids":10}""");

    AlertResponse read = get(alert.id().toString());
    assertThat(read).isEqualTo(alert);
    assertThat(read.marketplace()).isEqualTo(dev.ebayalerts.ebay.Marketplace.EBAY_GB);
    assertThat(read.currency()).isEqualTo("GBP");
    assertThat(read.priceBasis()).isEqualTo(PriceBasis.TOTAL);
    assertThat(read.shipToCountry()).isEqualTo("GB");
    assertThat(read.shipToPostalCode()).isEqualTo("SW1A 1AA");
    assertThat(read.freeShippingOnly()).isTrue();
    assertThat(read.returnsAccepted()).isTrue();
    assertThat(read.itemLocationCountry()).isEqualTo("DE");
    assertThat(read.categoryIds()).containsExactly("15230");
    assertThat(read.excludedCategoryIds()).containsExactly("29994", "29995");
    assertThat(read.sellers()).containsExactly("leica_store");
    assertThat(read.excludedSellers()).containsExactly("bargain_bin");
    assertThat(read.minSellerFeedbackScore()).isEqualTo(100);
    assertThat(read.minSellerFeedbackPercent()).isEqualByComparingTo("98.50");
    assertThat(read.minBids()).isEqualTo(1);
    assertThat(read.maxBids()).isEqualTo(10);
    assertThat(read.ebaySearchUrl())
        .startsWith("https://www.ebay.co.uk/sch/")
        .contains("_nkw=leica+m6")
        .contains("LH_Auction=1");
  }

  @Test
  void aCurrencyLeftOutIsTheMarketplacesAndOlderClientsKeepWorking() {
    AlertResponse alert =
        create(
            """
            {"email":"jane@example.com","searchPhrase":"lego","frequencyMinutes":10,
             "marketplace":"EBAY_AU","maxPrice":50}""");

    assertThat(alert.currency()).isEqualTo("AUD");
    AlertResponse plain = create(body("lego", 10));
    assertThat(plain.marketplace()).isEqualTo(dev.ebayalerts.ebay.Marketplace.EBAY_US);
    assertThat(plain.currency()).isEqualTo("USD");
    assertThat(plain.priceBasis()).isEqualTo(PriceBasis.ITEM);
    assertThat(plain.categoryIds()).isEmpty();
    assertThat(plain.ebaySearchUrl()).startsWith("https://www.ebay.com/sch/i.html?");
  }

  @Test
  void servesTheConfiguredFrequencies() {
    http.get()
        .uri("/api/alerts/frequencies")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"frequencies\":[2,10,30]}");
  }

  @Test
  void replacesAnAlertAndBumpsItsVersion() {
    AlertResponse alert = create(body("old phrase", 10));

    AlertResponse replaced =
        http.put()
            .uri("/api/alerts/{id}", alert.id())
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                """
                {"email":"jane@example.com","searchPhrase":"new phrase","frequencyMinutes":30,
                 "maxPrice":50,"version":0}""")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(AlertResponse.class)
            .returnResult()
            .getResponseBody();

    assertThat(replaced.searchPhrase()).isEqualTo("new phrase");
    assertThat(replaced.frequencyMinutes()).isEqualTo(30);
    assertThat(replaced.maxPrice()).isEqualByComparingTo("50");
    assertThat(replaced.version()).isEqualTo(1);
    assertThat(replaced.createdAt()).isEqualTo(alert.createdAt());
    assertThat(replaced.updatedAt()).isAfterOrEqualTo(alert.updatedAt());
    assertThat(get(alert.id().toString())).isEqualTo(replaced);
  }

  @Test
  void replaceWithoutVersionIsRefused() {
    AlertResponse alert = create(body("phrase", 10));
    http.put()
        .uri("/api/alerts/{id}", alert.id())
        .contentType(MediaType.APPLICATION_JSON)
        .body(body("phrase", 30))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("version");
  }

  @Test
  void staleReplaceGetsConflict() {
    AlertResponse alert = create(body("phrase", 10));
    put(alert.id().toString(), 0).expectStatus().isOk();

    put(alert.id().toString(), 0)
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.currentVersion")
        .isEqualTo(1);
  }

  @Test
  void patchChangesOnlyTheFieldsSent() {
    AlertResponse alert =
        create(
            """
            {"email":"jane@example.com","searchPhrase":"camera","frequencyMinutes":10,
             "minPrice":5,"maxPrice":20,"excludeWords":["broken"]}""");

    AlertResponse patched = patch(alert.id().toString(), "{\"active\":false,\"maxPrice\":null}");

    assertThat(patched.active()).isFalse();
    assertThat(patched.maxPrice()).isNull();
    assertThat(patched.minPrice()).isEqualByComparingTo("5");
    assertThat(patched.searchPhrase()).isEqualTo("camera");
    assertThat(patched.excludeWords()).containsExactly("broken");
    assertThat(patched.version()).isEqualTo(1);
  }

  @Test
  void patchAcceptsMergePatchMediaType() {
    AlertResponse alert = create(body("camera", 10));
    http.patch()
        .uri("/api/alerts/{id}", alert.id())
        .contentType(MediaType.parseMediaType("application/merge-patch+json"))
        .body("{\"frequencyMinutes\":2}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.frequencyMinutes")
        .isEqualTo(2);
  }

  @Test
  void patchIsValidatedLikeCreate() {
    AlertResponse alert = create(body("camera", 10));
    http.patch()
        .uri("/api/alerts/{id}", alert.id())
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"searchPhrase\":\"   \",\"frequencyMinutes\":7,\"minPrice\":30,\"maxPrice\":20}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("frequencyMinutes", "maxPrice", "searchPhrase"));
    assertThat(get(alert.id().toString())).isEqualTo(alert);
  }

  @Test
  void patchWithStaleVersionGetsConflict() {
    AlertResponse alert = create(body("camera", 10));
    patch(alert.id().toString(), "{\"frequencyMinutes\":2}");
    http.patch()
        .uri("/api/alerts/{id}", alert.id())
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"frequencyMinutes\":30,\"version\":0}")
        .exchange()
        .expectStatus()
        .isEqualTo(409);
  }

  @Test
  void patchRejectsFieldsThatCannotBeChanged() {
    AlertResponse alert = create(body("camera", 10));
    http.patch()
        .uri("/api/alerts/{id}", alert.id())
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"createdAt\":\"2020-01-01T00:00:00Z\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("createdAt");
  }

  @Test
  void deletesAnAlert() {
    AlertResponse alert = create(body("camera", 10));
    http.delete().uri("/api/alerts/{id}", alert.id()).exchange().expectStatus().isNoContent();
    http.get().uri("/api/alerts/{id}", alert.id()).exchange().expectStatus().isNotFound();
    http.delete().uri("/api/alerts/{id}", alert.id()).exchange().expectStatus().isNotFound();
  }

  @Test
  void unknownIdIsNotFoundOnEveryEndpoint() {
    String id = "0b6f9c57-1f3e-4a4e-9f7c-3b8e2f1c9d2a";
    http.get()
        .uri("/api/alerts/{id}", id)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("No alert with id " + id + ".");
    put(id, 0).expectStatus().isNotFound();
    http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"active\":false}")
        .exchange()
        .expectStatus()
        .isNotFound();
    http.delete().uri("/api/alerts/{id}", id).exchange().expectStatus().isNotFound();
  }

  @Test
  void malformedIdIsABadRequestNamingTheField() {
    http.get()
        .uri("/api/alerts/not-a-uuid")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("id");
  }

  private AlertResponse create(String json) {
    return http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(AlertResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private AlertResponse get(String id) {
    return http.get()
        .uri("/api/alerts/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(AlertResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private RestTestClient.ResponseSpec put(String id, long version) {
    return http.put()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            Map.of(
                "email",
                "jane@example.com",
                "searchPhrase",
                "replaced",
                "frequencyMinutes",
                30,
                "version",
                version))
        .exchange();
  }

  private AlertResponse patch(String id, String json) {
    return http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(AlertResponse.class)
        .returnResult()
        .getResponseBody();
  }

  static String body(String phrase, int frequency) {
    return """
        {"email":"jane@example.com","searchPhrase":"%s","frequencyMinutes":%d}"""
        .formatted(phrase, frequency);
  }
}
