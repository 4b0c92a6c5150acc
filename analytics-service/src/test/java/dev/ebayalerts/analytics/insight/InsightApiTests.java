package dev.ebayalerts.analytics.insight;

import dev.ebayalerts.analytics.support.IntegrationTest;
import dev.ebayalerts.analytics.support.Sessions;
import dev.ebayalerts.pubsub.security.SessionTokens;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
@AutoConfigureRestTestClient
class InsightApiTests {

  static final String JANE = "jane@example.com";

  @Autowired RestTestClient http;
  @Autowired JdbcClient jdbc;
  @Autowired StringRedisTemplate redis;

  @Test
  void servesInsightsAndPriceHistoryToTheAlertsOwner() {
    UUID alert = alertOf(JANE);

    http.get()
        .uri("/api/alerts/{id}/insights", alert)
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.currencies[0].currency")
        .isEqualTo("USD")
        .jsonPath("$.currencies[0].median")
        .isEqualTo(42.0);
    http.get()
        .uri("/api/alerts/{id}/price-history", alert)
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].max")
        .isEqualTo(42.0);
  }

  @Test
  void insightsNameListingsFarBelowTypicalApartFromTheDeals() {
    UUID alert = alertOf(JANE); // A at 42.00
    Instant seen = Instant.now().minusSeconds(60);
    for (String[] listing :
        new String[][] {{"B", "40.00"}, {"C", "44.00"}, {"D", "45.00"}, {"BOX", "1.60"}}) {
      jdbc.sql(
              "insert into price_observation (alert_id, item_id, title, price, currency,"
                  + " observed_at) values (?, ?, 'Camera', ?, 'USD', ?)")
          .params(alert, listing[0], new BigDecimal(listing[1]), Timestamp.from(seen))
          .update();
    }

    // median 42.00; the fence is half of it, 21.00 (Tukey's, 40 * (40/44)^1.5 = 34.67, is higher)
    http.get()
        .uri("/api/alerts/{id}/insights", alert)
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.currencies[0].implausiblyCheapBelow")
        .isEqualTo(21.0)
        .jsonPath("$.currencies[0].bestDeals[*].itemId")
        .isEqualTo(List.of("B"))
        .jsonPath("$.currencies[0].suspicious[0].itemId")
        .isEqualTo("BOX")
        .jsonPath("$.currencies[0].suspicious[0].reason")
        .isEqualTo("far below typical: check it is the item")
        .jsonPath("$.currencies[0].suspicious[0].belowMedianPercent")
        .isEqualTo(96.19);
  }

  @Test
  void acceptsTheSessionCookieTheDashboardSends() {
    UUID alert = alertOf(JANE);

    http.get()
        .uri("/api/alerts/{id}/price-history", alert)
        .cookie("alerts_session", Sessions.bearer(JANE).substring("Bearer ".length()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].max")
        .isEqualTo(42.0);
  }

  @Test
  void anotherAddressesAlertIsNotFound() {
    UUID alert = alertOf(JANE);

    for (String path : new String[] {"insights", "price-history"}) {
      http.get()
          .uri("/api/alerts/{id}/" + path, alert)
          .header(HttpHeaders.AUTHORIZATION, Sessions.bearer("mallory@example.com"))
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void theOperatorKeyReadsAnyAlert() {
    UUID alert = alertOf(JANE);

    http.get()
        .uri("/api/alerts/{id}/insights", alert)
        .header("X-API-Key", Sessions.OPERATOR_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.currencies[0].median")
        .isEqualTo(42.0);
  }

  /** alerts-service marks a session it ended in Redis; this service then refuses it too. */
  @Test
  void aSessionAlertsServiceEndedIsRefused() {
    UUID alert = alertOf(JANE);
    String bearer = Sessions.bearer(JANE);
    String key = SessionTokens.endedKey(SessionTokens.hash(bearer.substring("Bearer ".length())));
    http.get()
        .uri("/api/alerts/{id}/insights", alert)
        .header(HttpHeaders.AUTHORIZATION, bearer)
        .exchange()
        .expectStatus()
        .isOk();

    redis.opsForValue().set(key, "1", java.time.Duration.ofMinutes(5));
    try {
      http.get()
          .uri("/api/alerts/{id}/insights", alert)
          .header(HttpHeaders.AUTHORIZATION, bearer)
          .exchange()
          .expectStatus()
          .isUnauthorized();
    } finally {
      redis.delete(key);
    }
  }

  @Test
  void withoutAValidSessionItIsAnUnauthorizedProblemWithABearerChallenge() {
    UUID alert = alertOf(JANE);
    String expired = Sessions.token(Sessions.SIGNING_KEY, JANE, Instant.now().minusSeconds(1));
    String forged =
        Sessions.token(Sessions.OTHER_SIGNING_KEY, JANE, Instant.now().plusSeconds(3600));
    String valid = Sessions.bearer(JANE).substring("Bearer ".length());
    // the MAC's first character changed (to another one: "x" was itself one time in 64)
    char first = valid.charAt(valid.indexOf('.') + 1);
    String tampered =
        valid.substring(0, valid.indexOf('.'))
            + "."
            + (first == 'x' ? 'y' : 'x')
            + valid.substring(valid.indexOf('.') + 2);

    http.get()
        .uri("/api/alerts/{id}/insights", alert)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Not signed in");
    for (String token : new String[] {expired, forged, tampered, "garbage"}) {
      for (String path : new String[] {"insights", "price-history"}) {
        http.get()
            .uri("/api/alerts/{id}/" + path, alert)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange()
            .expectStatus()
            .isUnauthorized();
      }
    }
    http.get()
        .uri("/api/alerts/{id}/insights", alert)
        .header("X-API-Key", Sessions.OPERATOR_KEY + "x")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void unknownAlertIsANotFoundProblem() {
    http.get()
        .uri("/api/alerts/{id}/insights", UUID.randomUUID())
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(JANE))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get()
        .uri("/api/alerts/{id}/price-history", UUID.randomUUID())
        .header("X-API-Key", Sessions.OPERATOR_KEY)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void healthAndApiDocsNeedNoSession() {
    http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    http.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/api/alerts/{id}/insights'].get.summary")
        .exists()
        .jsonPath("$.paths['/api/alerts/{id}/insights'].get.responses['401']")
        .exists()
        .jsonPath("$.paths['/api/alerts/{id}/price-history'].get.summary")
        .exists();
  }

  private UUID alertOf(String email) {
    UUID alert = UUID.randomUUID();
    Instant now = Instant.now();
    jdbc.sql(
            """
            insert into alert_copy (id, email, search_phrase, frequency_minutes, currency,
                item_condition, buying_option, active, version, created_at, updated_at)
            values (?, ?, 'camera', 10, 'USD', 'ANY', 'ANY', true, 0, ?, ?)""")
        .params(alert, email, Timestamp.from(now), Timestamp.from(now))
        .update();
    jdbc.sql(
            "insert into price_observation (alert_id, item_id, title, price, currency, observed_at)"
                + " values (?, 'A', 'Camera', ?, 'USD', ?)")
        .params(alert, new BigDecimal("42.00"), Timestamp.from(now.minusSeconds(60)))
        .update();
    return alert;
  }
}
