package dev.ebayalerts.analytics.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RetentionJobTests {

  @Autowired RetentionJob job;
  @Autowired JdbcClient jdbc;

  @Test
  void deletesOnlyWhatIsOlderThanTheRetentionWindow() {
    UUID alert = UUID.randomUUID();
    Instant now = Instant.now();
    observe(alert, "old", now.minus(Duration.ofDays(31)));
    observe(alert, "edge", now.minus(Duration.ofDays(29)));
    observe(alert, "new", now.minus(Duration.ofHours(1)));
    UUID oldEvent = UUID.randomUUID();
    UUID newEvent = UUID.randomUUID();
    jdbc.sql("insert into processed_event values (?, ?), (?, ?)")
        .params(
            oldEvent, Timestamp.from(now.minus(Duration.ofDays(40))), newEvent, Timestamp.from(now))
        .update();

    job.run();

    assertThat(
            jdbc.sql("select item_id from price_observation where alert_id = ? order by item_id")
                .param(alert)
                .query(String.class)
                .list())
        .containsExactly("edge", "new");
    assertThat(
            jdbc.sql("select count(*) from processed_event where event_id in (?, ?)")
                .params(oldEvent, newEvent)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private void observe(UUID alert, String item, Instant at) {
    jdbc.sql(
            "insert into price_observation (alert_id, item_id, title, price, currency, observed_at)"
                + " values (?, ?, 'Camera', 10, 'USD', ?)")
        .params(alert, item, Timestamp.from(at))
        .update();
  }
}
