package dev.ebayalerts.analytics.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.analytics.observation.ObservationPartitions;
import dev.ebayalerts.analytics.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * On the partitioned price_observation the insight queries read the window's days only (partition
 * pruning) and each of them through the covering index alone, as before partitioning.
 */
@IntegrationTest
class InsightPlanTests {

  private static final int ALERTS = 300;
  private static final Pattern SCAN =
      Pattern.compile(
          "(\\w[\\w ]*Scan)(?: Backward)?(?: using (\\w+))? on (price_observation\\w*)");

  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  Instant now;
  List<UUID> alerts;

  /** Every day of the window in its own partition, as after two weeks of running, with rows. */
  @BeforeEach
  void twoWeeksOfObservations() {
    now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    ObservationPartitions.ensure(jdbc, transactions, today.minusDays(20), today);
    String prefix = "plan-" + UUID.randomUUID() + "-";
    jdbc.sql(
            """
            insert into alert_copy (id, email, search_phrase, frequency_minutes, currency,
                item_condition, buying_option, active, version, created_at, updated_at)
            select md5(:prefix || n)::uuid, :prefix || n || '@example.com', 'search ' || n, 10,
                   'USD', 'ANY', 'ANY', true, 0, now(), now()
            from generate_series(1, :alerts) n""")
        .param("prefix", prefix)
        .param("alerts", ALERTS)
        .update();
    // ten listings per alert, each seen every 6 hours for 20 days
    jdbc.sql(
            """
            insert into price_observation (alert_id, item_id, title, price, currency, observed_at)
            select md5(:prefix || a)::uuid, 'item-' || l, 'Listing ' || l, 100 + l, 'USD',
                   cast(:now as timestamptz) - h * interval '6 hours'
            from generate_series(1, :alerts) a, generate_series(1, 10) l,
                 generate_series(0, 79) h""")
        .param("prefix", prefix)
        .param("alerts", ALERTS)
        .param("now", Timestamp.from(now))
        .update();
    // The visibility map lets index-only scans skip the table, and the planner counts on it.
    // VACUUM marks pages all-visible only once no transaction older than the rows runs (such as
    // an autovacuum ANALYZE started meanwhile): it is repeated until it could, as autovacuum does.
    jdbc.sql("analyze alert_copy").update();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              jdbc.sql("vacuum analyze price_observation").update();
              return jdbc.sql(
                      """
                      select bool_and(relallvisible = relpages) from pg_class
                      where relname like 'price_observation_p%' and relkind = 'r'""")
                  .query(Boolean.class)
                  .single();
            });
    alerts =
        jdbc.sql("select md5(:prefix || n)::uuid from generate_series(1, 2) n")
            .param("prefix", prefix)
            .query(UUID.class)
            .list();
  }

  @Test
  void theWindowIsReadFromItsDaysPartitionsByIndexOnlyScans() {
    String plan = explain(Insights.HISTORY);
    List<String[]> scans = scans(plan);

    Set<String> windowDays = windowDays();
    assertThat(windowDays).hasSize(15);
    Set<String> scanned = new TreeSet<>();
    scans.forEach(scan -> scanned.add(scan[2]));
    assertThat(scanned).isEqualTo(windowDays);
    // only the covering index holds every column read (the others lack currency and price)
    assertThat(scans)
        .allSatisfy(scan -> assertThat(scan[0]).as(scan[2]).isEqualTo("Index Only Scan"));
  }

  @Test
  void theFiguresReadNoPartitionOfTheWindowRowByRow() {
    String plan = explain(Insights.FIGURES);

    // the figures' window (as in the history above) and the named listings' latest row; days
    // before the window are probed once per listing for whether it is new (tiny ones may be read
    // whole)
    Set<String> windowDays = windowDays();
    assertThat(scans(plan))
        .filteredOn(scan -> windowDays.contains(scan[2]))
        .allSatisfy(scan -> assertThat(scan[0]).as(scan[2]).doesNotContain("Seq Scan"));
    assertThat(plan).contains("Index Only Scan");
  }

  /** The partitions of the window's days: the day of its start to today. */
  private Set<String> windowDays() {
    Set<String> days = new TreeSet<>();
    for (LocalDate day = LocalDate.ofInstant(now.minus(Duration.ofDays(14)), ZoneOffset.UTC);
        !day.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC));
        day = day.plusDays(1)) {
      days.add(ObservationPartitions.nameOf(day));
    }
    return days;
  }

  private String explain(String sql) {
    return jdbc
        .sql("explain (costs off) " + sql)
        .param("alerts", alerts.toArray(UUID[]::new))
        .param("from", Timestamp.from(now.minus(Duration.ofDays(14))))
        .param("to", Timestamp.from(now))
        .param("today", LocalDate.ofInstant(now, ZoneOffset.UTC))
        .param("top", 5)
        .param("listedSince", Timestamp.from(now.minus(Duration.ofDays(1))))
        .query(String.class)
        .list()
        .stream()
        .collect(Collectors.joining("\n"));
  }

  /** Each scan of a partition: its kind, the index used (or null) and the partition. */
  private static List<String[]> scans(String plan) {
    return plan.lines()
        .map(SCAN::matcher)
        .filter(Matcher::find)
        .map(m -> new String[] {m.group(1).trim(), m.group(2), m.group(3)})
        .toList();
  }
}
