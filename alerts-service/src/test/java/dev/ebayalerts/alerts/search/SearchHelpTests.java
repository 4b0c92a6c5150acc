package dev.ebayalerts.alerts.search;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Category suggestions and eBay search links, through the API. */
@IntegrationTest
class SearchHelpTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;

  @Test
  void suggestsTheCategoriesOfASearchsMatchesWithTheirShareAndAsksEbayOncePerHour() {
    EbayStub.summaries(
        "switch oled protector",
        """
        {"dominantCategoryId":"20349","categoryDistributions":[
          {"categoryId":"139971","categoryName":"Video Game Consoles","matchCount":150},
          {"categoryId":"20349","categoryName":"Screen Protectors","matchCount":840},
          {"categoryId":"171833","categoryName":"Cases & Skins","matchCount":10}]}""",
        """
        {"itemId":"v1|1|0","title":"Screen protector","price":{"value":"9.99","currency":"GBP"}}""");
    // total 1 in the stub's page, but the counts say 1,000 matches
    RestTestClient jane = Sessions.signedIn(http, signInLinks, "jane@example.com");
    EbayStub.forgetRequests();

    for (int i = 0; i < 2; i++) {
      jane.get()
          .uri("/api/category-suggestions?phrase=Switch OLED  protector&marketplace=EBAY_GB")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.total")
          .isEqualTo(840)
          .jsonPath("$.categories[0].id")
          .isEqualTo("20349")
          .jsonPath("$.categories[0].name")
          .isEqualTo("Screen Protectors")
          .jsonPath("$.categories[0].share")
          .isEqualTo(1.0)
          .jsonPath("$.categories[*].id")
          .value(List.class, ids -> assertThat(ids).containsExactly("20349", "139971", "171833"));
    }

    assertThat(EbayStub.searches("switch oled protector")).isEqualTo(1);
    EbayStub.server()
        .verify(
            getRequestedFor(urlPathEqualTo(EbayStub.SEARCH))
                .withQueryParam("fieldgroups", equalTo("MATCHING_ITEMS,CATEGORY_REFINEMENTS"))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_GB")));
  }

  @Test
  void categorySuggestionsNeedASessionAndAPhrase() {
    http.get()
        .uri("/api/category-suggestions?phrase=lego")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    RestTestClient jane = Sessions.signedIn(http, signInLinks, "jane@example.com");
    jane.get()
        .uri(uri -> uri.path("/api/category-suggestions").queryParam("phrase", " ").build())
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("phrase");
    jane.get()
        .uri("/api/category-suggestions?phrase=lego&marketplace=EBAY_MARS")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("marketplace");
  }

  @Test
  void eBayFailingIsAServiceUnavailableProblemNotAnError() {
    EbayStub.failing("camera broken ebay", 500);
    Sessions.signedIn(http, signInLinks, "jane@example.com")
        .get()
        .uri("/api/category-suggestions?phrase=camera broken ebay")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("eBay unavailable");
  }

  @Test
  void readsAPastedEbaySearchLinkIntoAlertFieldsListingWhatItCannotCarry() {
    http.post()
        .uri("/api/search-links")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            """
            {"url":"https://www.ebay.de/sch/i.html?_nkw=leica+m6+-defekt&_sacat=15230&_udlo=1.000&_udhi=2.500&LH_BIN=1&LH_Sold=1&_sop=15&_trksid=p2334524.m570.l1313"}""")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.alert.searchPhrase")
        .isEqualTo("leica m6")
        .jsonPath("$.alert.marketplace")
        .isEqualTo("EBAY_DE")
        .jsonPath("$.alert.currency")
        .isEqualTo("EUR")
        .jsonPath("$.alert.minPrice")
        .isEqualTo(1000)
        .jsonPath("$.alert.maxPrice")
        .isEqualTo(2500)
        .jsonPath("$.alert.buyingOption")
        .isEqualTo("FIXED_PRICE")
        .jsonPath("$.alert.categoryIds[0]")
        .isEqualTo("15230")
        .jsonPath("$.alert.excludeWords[0]")
        .isEqualTo("defekt")
        .jsonPath("$.unsupported[*].parameter")
        .value(List.class, names -> assertThat(names).contains("LH_Sold", "_sop"))
        .jsonPath("$.unsupported[*].reason")
        .value(List.class, reasons -> assertThat(reasons).allMatch(r -> !r.toString().isBlank()));
  }

  @Test
  void aLinkThatIsNotAnEbaySearchIsRefusedOnTheUrlField() {
    for (String url :
        List.of(
            "https://www.ebay.com.evil.example/sch/i.html?_nkw=x",
            "javascript:alert(1)",
            "https://www.ebay.com/sch/i.html?_nkw=" + "x".repeat(4100))) {
      http.post()
          .uri("/api/search-links")
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("url", url))
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.errors[0].field")
          .isEqualTo("url");
    }
  }
}
