package dev.ebayalerts.alerts.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.delivery.Deliveries;
import dev.ebayalerts.alerts.delivery.NoticeListing;
import dev.ebayalerts.alerts.delivery.NoticePayload;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What an operator scrapes from /actuator/prometheus, without a session or an API key. */
@IntegrationTest
class PrometheusTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired ActiveAlerts activeAlerts;
  @Autowired Deliveries deliveries;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void noOtherAlerts() {
    jdbc.sql("delete from delivery").update();
    jdbc.sql("delete from alert").update();
  }

  @Test
  void activeAlertsAreCountedPerFrequency() {
    String owner = "metrics-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    RestTestClient client = Sessions.signedIn(http, signInLinks, owner);
    for (int i = 0; i < 3; i++) {
      create(client, owner, "metrics fast " + i, 2, true);
    }
    create(client, owner, "metrics slow", 10, true);
    create(client, owner, "metrics paused", 30, false);

    activeAlerts.refresh();
    String scrape = scrape();

    assertThat(value(scrape, "alerts_active", "frequency=\"2\"")).hasValue(3);
    assertThat(value(scrape, "alerts_active", "frequency=\"10\"")).hasValue(1);
    // paused alerts are not active: the 30-minute frequency is absent or 0
    assertThat(value(scrape, "alerts_active", "frequency=\"30\"").orElse(0)).isZero();

    jdbc.sql("delete from alert where frequency_minutes = 2").update();
    activeAlerts.refresh();
    assertThat(value(scrape(), "alerts_active", "frequency=\"2\"")).hasValue(0);
  }

  @Test
  void aSentAlertEmailIsCounted() {
    String owner = "metrics-mail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    RestTestClient client = Sessions.signedIn(http, signInLinks, owner);
    UUID alert = UUID.fromString(create(client, owner, "metrics mail", 10, true));
    double before = value(scrape(), "alerts_deliveries_sent_total", "channel=\"EMAIL\"").orElse(0);

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status ->
                deliveries.deliver(
                    new NoticePayload(
                        alert,
                        "metrics mail",
                        false,
                        List.of(
                            new NoticeListing(
                                "m1",
                                "Metrics",
                                new BigDecimal("10.00"),
                                "USD",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of())),
                        Map.of()),
                    Instant.now()));

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        value(scrape(), "alerts_deliveries_sent_total", "channel=\"EMAIL\"")
                            .orElse(0))
                    .isEqualTo(before + 1));
  }

  @Test
  void everyOperationsMetricIsExposed() {
    String scrape = scrape();

    assertThat(scrape)
        .contains(
            "alerts_schedule_lateness_seconds_count",
            "alerts_fetch_ebay_calls_total",
            "alerts_runs_failed_total",
            "ebay_budget_remaining",
            "alerts_deliveries_pending",
            "alerts_deliveries_parked",
            "alerts_deliveries_sent_total{application=\"alerts-service\",channel=\"SLACK\"}",
            "alerts_deliveries_failed_total",
            "alerts_outbox_pending",
            "application=\"alerts-service\"");
  }

  private String scrape() {
    // no session, no X-API-Key: scrapers reach it as they are
    return http.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  /** The value of the first sample of {@code name} whose labels contain {@code label}. */
  private static OptionalDouble value(String scrape, String name, String label) {
    Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
    while (sample.find()) {
      if (sample.group(1).contains(label)) {
        return OptionalDouble.of(Double.parseDouble(sample.group(2)));
      }
    }
    return OptionalDouble.empty();
  }

  private static String create(
      RestTestClient client, String owner, String phrase, int frequency, boolean active) {
    Map<?, ?> created =
        client
            .post()
            .uri("/api/alerts")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                "{\"email\":\"%s\",\"searchPhrase\":\"%s\",\"frequencyMinutes\":%d,\"active\":%b}"
                    .formatted(owner, phrase, frequency, active))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return created.get("id").toString();
  }
}
