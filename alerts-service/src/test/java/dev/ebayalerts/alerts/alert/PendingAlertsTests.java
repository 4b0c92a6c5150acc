package dev.ebayalerts.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.TestAlerts;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Alerts created without a session and never started do not stay forever. */
@IntegrationTest
class PendingAlertsTests {

  @Autowired RestTestClient http;
  @Autowired JdbcClient jdbc;
  @Autowired PendingAlerts pending;

  @Test
  void alertsNobodyStartedAreDeletedOnceTheirLinkExpired() {
    String to = "pending-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    create(to, "pending stale");
    jdbc.sql("update alert set created_at = now() - interval '3 days' where email = ?")
        .param(to)
        .update();
    create(to, "pending fresh");

    assertThat(pending.purgeOnce()).isGreaterThanOrEqualTo(1);

    assertThat(
            jdbc.sql("select search_phrase from alert where email = ?")
                .param(to)
                .query(String.class)
                .list())
        .containsExactly("pending fresh");
  }

  private void create(String email, String phrase) {
    TestAlerts.post(http, email, phrase, "").expectStatus().isAccepted();
  }
}
