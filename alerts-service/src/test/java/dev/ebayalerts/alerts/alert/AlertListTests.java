package dev.ebayalerts.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.channel.ChannelType;
import dev.ebayalerts.alerts.channel.ChannelView;
import dev.ebayalerts.alerts.support.ChannelStub;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class AlertListTests {

  @Autowired RestTestClient http;
  @Autowired RestTestClient anonymous;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcTemplate jdbc;

  /** The alerts API answers only the owner of an alert: these tests act as jane. */
  @BeforeEach
  void signInAsJane() {
    http = Sessions.signedIn(http, signInLinks, "jane@example.com");
  }

  @BeforeEach
  void fiveAlerts() {
    jdbc.update("delete from delivery");
    jdbc.update("delete from alert");
    IntStream.rangeClosed(1, 5)
        .forEach(
            i ->
                http.post()
                    .uri("/api/alerts")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(AlertApiTests.body("phrase " + i, i % 2 == 0 ? 2 : 30))
                    .exchange()
                    .expectStatus()
                    .isCreated());
  }

  @Test
  void listsNewestFirstByDefault() {
    AlertPage page = list("/api/alerts");
    assertThat(page.content())
        .extracting(AlertResponse::searchPhrase)
        .containsExactly("phrase 5", "phrase 4", "phrase 3", "phrase 2", "phrase 1");
    assertThat(page.page()).isZero();
    assertThat(page.size()).isEqualTo(20);
    assertThat(page.totalElements()).isEqualTo(5);
    assertThat(page.totalPages()).isEqualTo(1);
  }

  @Test
  void pagesThroughAllAlertsWithoutGapsOrRepeats() {
    AlertPage first = list("/api/alerts?size=2&page=0");
    AlertPage second = list("/api/alerts?size=2&page=1");
    AlertPage last = list("/api/alerts?size=2&page=2");
    assertThat(first.totalPages()).isEqualTo(3);
    assertThat(last.content()).hasSize(1);
    List<String> all =
        java.util.stream.Stream.of(first, second, last)
            .flatMap(p -> p.content().stream())
            .map(AlertResponse::searchPhrase)
            .toList();
    assertThat(all).doesNotHaveDuplicates().hasSize(5);
  }

  @Test
  void pageBeyondTheLastIsEmptyButCountsTheTotal() {
    AlertPage page = list("/api/alerts?size=2&page=9");
    assertThat(page.content()).isEmpty();
    assertThat(page.totalElements()).isEqualTo(5);
  }

  @Test
  void acceptsTheLargestPageSize() {
    assertThat(list("/api/alerts?size=100").content()).hasSize(5);
  }

  @Test
  void sortsByAnAllowedProperty() {
    AlertPage page = list("/api/alerts?sort=frequencyMinutes,asc&size=5");
    assertThat(page.content())
        .extracting(AlertResponse::frequencyMinutes)
        .containsExactly(2, 2, 30, 30, 30);
    assertThat(list("/api/alerts?sort=searchPhrase").content())
        .extracting(AlertResponse::searchPhrase)
        .startsWith("phrase 1", "phrase 2");
  }

  @Test
  void pagesCountAlertsNotTheirChannelsAndShowEachAlertsChannelsInOrder() {
    for (int i = 1; i <= 3; i++) {
      http.post()
          .uri("/api/alerts")
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              """
              {"email":"jane@example.com","searchPhrase":"two channels %d","frequencyMinutes":10,
               "channels":[{"type":"EMAIL"},{"type":"WEBHOOK","url":"%s"}]}"""
                  .formatted(i, ChannelStub.url("/hooks/list-" + i)))
          .exchange()
          .expectStatus()
          .isCreated();
    }

    AlertPage first = list("/api/alerts?size=2");
    AlertPage second = list("/api/alerts?size=2&page=1");

    assertThat(first.totalElements()).isEqualTo(8);
    assertThat(first.content())
        .extracting(AlertResponse::searchPhrase)
        .containsExactly("two channels 3", "two channels 2");
    assertThat(second.content())
        .extracting(AlertResponse::searchPhrase)
        .containsExactly("two channels 1", "phrase 5");
    for (AlertResponse alert : List.of(first.content().get(0), second.content().get(0))) {
      assertThat(alert.channels())
          .extracting(ChannelView::type)
          .containsExactly(ChannelType.EMAIL, ChannelType.WEBHOOK);
    }
    assertThat(second.content().get(1).channels())
        .extracting(ChannelView::type)
        .containsExactly(ChannelType.EMAIL);
  }

  @Test
  void listsOnlyTheSignedInOwnersAlerts() {
    RestTestClient john = Sessions.signedIn(anonymous, signInLinks, "john@example.com");
    for (int i = 1; i <= 3; i++) {
      john.post()
          .uri("/api/alerts")
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              """
              {"email":"john@example.com","searchPhrase":"johns %d","frequencyMinutes":10}"""
                  .formatted(i))
          .exchange()
          .expectStatus()
          .isCreated();
    }

    AlertPage janes = list("/api/alerts?sort=email");
    assertThat(janes.content()).extracting(AlertResponse::email).containsOnly("jane@example.com");
    assertThat(janes.totalElements()).isEqualTo(5);
    AlertPage johns = list(john, "/api/alerts?size=2");
    assertThat(johns.content())
        .extracting(AlertResponse::searchPhrase)
        .containsExactly("johns 3", "johns 2");
    assertThat(johns.totalElements()).isEqualTo(3);
    assertThat(johns.totalPages()).isEqualTo(2);
    assertThat(list(john, "/api/alerts?size=2&page=1").content())
        .extracting(AlertResponse::searchPhrase)
        .containsExactly("johns 1");
    assertThat(list(john, "/api/alerts?size=2&page=5").totalElements()).isEqualTo(3);
  }

  @Test
  void showsEachAlertInTheListAsItWasCreatedAndAsReadingItShows() {
    AlertResponse created =
        http.post()
            .uri("/api/alerts")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                """
                {"email":"jane@example.com","searchPhrase":"leica m6","frequencyMinutes":10,
                 "marketplace":"EBAY_GB","priceBasis":"TOTAL","minPrice":200,"maxPrice":1500,
                 "shipToCountry":"gb","shipToPostalCode":"SW1A 1AA","freeShippingOnly":true,
                 "returnsAccepted":true,"itemLocationCountry":"de","categoryIds":["15230"],
                 "excludedCategoryIds":["29994","29995"],"sellers":["Leica_Store"],
                 "excludedSellers":["bargain_bin"],"minSellerFeedbackScore":100,
                 "minSellerFeedbackPercent":98.5,"buyingOption":"AUCTION","minBids":1,"maxBids":10,
                 "excludeWords":["broken"],"minDropPercent":7.5,"active":false,
                 "rules":{"priceDrops":false,"targetPrice":900,"endingSoonMinutes":30,
                          "quietStart":"22:00","quietEnd":"07:30","timeZone":"Europe/London",
                          "maxPerDay":4}}""")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(AlertResponse.class)
            .returnResult()
            .getResponseBody();

    // What was created is what was sent, down to the last column written.
    assertThat(created.marketplace()).hasToString("EBAY_GB");
    assertThat(created.priceBasis()).isEqualTo(PriceBasis.TOTAL);
    assertThat(created.shipToPostalCode()).isEqualTo("SW1A 1AA");
    assertThat(created.excludedSellers()).containsExactly("bargain_bin");
    assertThat(created.maxBids()).isEqualTo(10);
    assertThat(created.minDropPercent()).isEqualByComparingTo("7.5");
    assertThat(created.active()).isFalse();
    assertThat(created.rules().priceDrops()).isFalse();
    assertThat(created.rules().quietEnd()).hasToString("07:30");
    assertThat(created.rules().maxPerDay()).isEqualTo(4);
    assertThat(created.version()).isZero();
    assertThat(created.feedUrl()).contains("/feeds/");
    AlertResponse listed = list("/api/alerts").content().get(0);
    assertThat(listed).isEqualTo(created);
    for (AlertResponse alert : list("/api/alerts").content()) {
      AlertResponse read =
          http.get()
              .uri("/api/alerts/" + alert.id())
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(AlertResponse.class)
              .returnResult()
              .getResponseBody();
      assertThat(read).isEqualTo(alert);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "size=101, size",
    "size=0, size",
    "page=-1, page",
    "size=ten, size",
    "sort=password, sort",
    "'sort=createdAt,sideways', sort"
  })
  void rejectsBadPagingParameters(String query, String field) {
    http.get()
        .uri("/api/alerts?" + query)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field);
  }

  private AlertPage list(String uri) {
    return list(http, uri);
  }

  private static AlertPage list(RestTestClient http, String uri) {
    return http.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(AlertPage.class)
        .returnResult()
        .getResponseBody();
  }
}
