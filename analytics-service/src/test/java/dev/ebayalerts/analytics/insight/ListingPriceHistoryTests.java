package dev.ebayalerts.analytics.insight;

import dev.ebayalerts.analytics.support.IntegrationTest;
import dev.ebayalerts.analytics.support.Sessions;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code GET /api/alerts/{id}/listings/{itemId}/prices}, the dashboard's chart of one listing. */
@IntegrationTest
@AutoConfigureRestTestClient
class ListingPriceHistoryTests {

  static final String JANE = "jane@example.com";
  static final String ITEM = "v1|1234|0";

  @Autowired RestTestClient http;
  @Autowired JdbcClient jdbc;

  Instant now;
  UUID alert;

  @BeforeEach
  void fixture() {
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    alert = alertOf(JANE, "EBAY_US");
  }

  @Test
  void servesTheListingsPricesOldestFirstWithRunsOfEqualPricesCollapsed() {
    // runs every 10 minutes; observed out of order on purpose
    observe(alert, ITEM, "EBAY_US", "119.99", "USD", minutesAgo(10));
    observe(alert, ITEM, "EBAY_US", "129.99", "USD", minutesAgo(60));
    observe(alert, ITEM, "EBAY_US", "129.99", "USD", minutesAgo(50)); // collapsed
    observe(alert, ITEM, "EBAY_US", "129.99", "USD", minutesAgo(40)); // collapsed
    observe(alert, ITEM, "EBAY_US", "129.99", "USD", minutesAgo(30)); // last of the run
    observe(alert, ITEM, "EBAY_US", "124.00", "USD", minutesAgo(20)); // alone: once
    observe(alert, ITEM, "EBAY_US", "119.99", "USD", minutesAgo(0));
    observe(alert, ITEM, "EBAY_US", "99.00", "USD", now.minus(Duration.ofDays(15))); // too old
    observe(alert, "v1|5678|0", "EBAY_US", "1.00", "USD", minutesAgo(35)); // another listing

    http.get()
        .uri(pricesOf(alert, ITEM))
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(5)
        .jsonPath("$[*].price")
        .isEqualTo(List.of(129.99, 129.99, 124.0, 119.99, 119.99))
        .jsonPath("$[*].at")
        .isEqualTo(
            List.of(
                minutesAgo(60).toString(),
                minutesAgo(30).toString(),
                minutesAgo(20).toString(),
                minutesAgo(10).toString(),
                now.toString()))
        .jsonPath("$[0].currency")
        .isEqualTo("USD");
  }

  @Test
  void aLongRunOfOnePriceIsItsFirstAndLastObservation() {
    for (int minutes = 0; minutes <= 600; minutes += 2) {
      observe(alert, ITEM, "EBAY_US", "50.00", "USD", minutesAgo(minutes));
    }

    http.get()
        .uri(pricesOf(alert, ITEM))
        .cookie("alerts_session", Sessions.bearer(JANE).substring("Bearer ".length()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[*].at")
        .isEqualTo(List.of(minutesAgo(600).toString(), now.toString()));
  }

  @Test
  void keepsTheLatestPointsOfAListingWhosePriceKeepsMoving() {
    for (int run = 0; run < ListingPrices.LIMIT + 50; run++) {
      observe(alert, ITEM, "EBAY_US", String.valueOf(100 + run % 2), "USD", minutesAgo(run));
    }

    http.get()
        .uri(pricesOf(alert, ITEM))
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(ListingPrices.LIMIT)
        .jsonPath("$[0].at")
        .isEqualTo(minutesAgo(ListingPrices.LIMIT - 1).toString())
        .jsonPath("$[%d].at".formatted(ListingPrices.LIMIT - 1))
        .isEqualTo(now.toString());
  }

  @Test
  void countsOnlyTheAlertsCurrentMarketplace() {
    observe(alert, ITEM, "EBAY_DE", "90.00", "EUR", minutesAgo(20));
    observe(alert, ITEM, "EBAY_US", "100.00", "USD", minutesAgo(10));

    http.get()
        .uri(pricesOf(alert, ITEM))
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[*].price")
        .isEqualTo(List.of(100.0));
  }

  @Test
  void anotherAlertsListingIsNotVisible() {
    UUID othersAlert = alertOf("mallory@example.com", "EBAY_US");
    observe(othersAlert, ITEM, "EBAY_US", "10.00", "USD", minutesAgo(5));

    // not through Jane's own alert: the listing is her alert's only if her alert saw it
    http.get()
        .uri(pricesOf(alert, ITEM))
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
    // nor through the other person's alert: answered like a missing alert
    http.get()
        .uri(pricesOf(othersAlert, ITEM))
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Alert not found");
    http.get()
        .uri(pricesOf(UUID.randomUUID(), ITEM))
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void anUnknownListingHasNoPrices() {
    http.get()
        .uri(pricesOf(alert, "v1|0000|0"))
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
  }

  @Test
  void withoutASessionItIsUnauthorized() {
    http.get()
        .uri(pricesOf(alert, ITEM))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void isDocumented() {
    http.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/api/alerts/{id}/listings/{itemId}/prices'].get.summary")
        .exists()
        .jsonPath("$.paths['/api/alerts/{id}/listings/{itemId}/prices'].get.responses['404']")
        .exists();
  }

  /** The item id URL-encoded as the dashboard sends it: {@code v1%7C1234%7C0}. */
  private static URI pricesOf(UUID alertId, String itemId) {
    return URI.create(
        "/api/alerts/"
            + alertId
            + "/listings/"
            + URLEncoder.encode(itemId, StandardCharsets.UTF_8)
            + "/prices");
  }

  private Instant minutesAgo(int minutes) {
    return now.minus(Duration.ofMinutes(minutes));
  }

  private UUID alertOf(String email, String marketplace) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into alert_copy (id, email, search_phrase, frequency_minutes, currency,
                item_condition, buying_option, active, version, created_at, updated_at,
                marketplace)
            values (?, ?, 'lego falcon', 10, 'USD', 'ANY', 'ANY', true, 0, ?, ?, ?)""")
        .params(id, email, Timestamp.from(now), Timestamp.from(now), marketplace)
        .update();
    return id;
  }

  private void observe(
      UUID alertId, String item, String marketplace, String price, String currency, Instant at) {
    jdbc.sql(
            "insert into price_observation (alert_id, item_id, title, price, currency,"
                + " observed_at, marketplace) values (?, ?, 'Lego Millennium Falcon', ?, ?, ?, ?)")
        .params(alertId, item, new BigDecimal(price), currency, Timestamp.from(at), marketplace)
        .update();
  }
}
