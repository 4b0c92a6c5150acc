package dev.ebayalerts.analytics.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RetentionJobTests {

  @Autowired RetentionJob job;
  @Autowired Partitions partitions;
  @Autowired JdbcClient jdbc;

  @Test
  void dropsTheDaysWhollyPastTheWindowAndKeepsTheWindow() {
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    // retention 30 days: day -31 ends before the cut-off, day -30 holds it
    List<LocalDate> days =
        List.of(today.minusDays(45), today.minusDays(31), today.minusDays(30), today.minusDays(29));
    partitions.ensure(days.get(0), days.get(0));
    partitions.ensure(days.get(1), days.get(3));
    UUID alert = UUID.randomUUID();
    for (LocalDate day : days) {
      observe(alert, day.toString(), day.atTime(0, 30).toInstant(ZoneOffset.UTC));
    }
    observe(alert, "recent", now.minus(Duration.ofHours(1)));

    job.run();

    assertThat(exists(Partitions.nameOf(days.get(0)))).isFalse();
    assertThat(exists(Partitions.nameOf(days.get(1)))).isFalse();
    assertThat(exists(Partitions.nameOf(days.get(2)))).isTrue();
    assertThat(exists(Partitions.nameOf(days.get(3)))).isTrue();
    // day -30 holds the cut-off: it stays whole until all of it is past the window
    assertThat(
            jdbc.sql("select item_id from price_observation where alert_id = ? order by item_id")
                .param(alert)
                .query(String.class)
                .list())
        .containsExactly(days.get(2).toString(), days.get(3).toString(), "recent");
  }

  private boolean exists(String table) {
    return jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
  }

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
