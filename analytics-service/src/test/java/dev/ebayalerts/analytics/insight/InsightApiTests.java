package dev.ebayalerts.analytics.insight;

import dev.ebayalerts.analytics.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
@AutoConfigureRestTestClient
class InsightApiTests {

  @Autowired RestTestClient http;
  @Autowired JdbcClient jdbc;

  @Test
  void servesInsightsAndPriceHistoryOfAKnownAlert() {
    UUID alert = UUID.randomUUID();
    Instant now = Instant.now();
    jdbc.sql(
            """
            insert into alert_copy (id, email, search_phrase, frequency_minutes, currency,
                item_condition, buying_option, active, version, created_at, updated_at)
            values (?, 'jane@example.com', 'camera', 10, 'USD', 'ANY', 'ANY', true, 0, ?, ?)""")
        .params(alert, Timestamp.from(now), Timestamp.from(now))
        .update();
    jdbc.sql(
            "insert into price_observation (alert_id, item_id, title, price, currency, observed_at)"
                + " values (?, 'A', 'Camera', ?, 'USD', ?)")
        .params(alert, new BigDecimal("42.00"), Timestamp.from(now.minusSeconds(60)))
        .update();

    http.get()
        .uri("/api/alerts/{id}/insights", alert)
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
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].max")
        .isEqualTo(42.0);
  }

  @Test
  void unknownAlertIsANotFoundProblem() {
    http.get()
        .uri("/api/alerts/{id}/insights", UUID.randomUUID())
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get()
        .uri("/api/alerts/{id}/price-history", UUID.randomUUID())
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void openApiDocumentsTheInsightsEndpoints() {
    http.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/api/alerts/{id}/insights'].get.summary")
        .exists()
        .jsonPath("$.paths['/api/alerts/{id}/price-history'].get.summary")
        .exists();
  }
}
