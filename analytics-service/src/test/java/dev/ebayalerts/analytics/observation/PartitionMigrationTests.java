package dev.ebayalerts.analytics.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.insight.AlertInsights;
import dev.ebayalerts.analytics.insight.CurrencyInsights;
import dev.ebayalerts.analytics.insight.InsightsFor;
import dev.ebayalerts.analytics.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V7..V10 turn a populated price_observation into a partitioned one without rewriting it: run on a
 * database of its own, migrated to V6 and filled first, as a production database would be.
 */
@IntegrationTest
class PartitionMigrationTests {

  @Autowired Flyway flyway;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcConnectionDetails connection;

  String database;
  SimpleDriverDataSource dataSource;
  JdbcClient old;

  @BeforeEach
  void databaseAtV6() {
    database = "migration_" + UUID.randomUUID().toString().replace("-", "");
    jdbc.sql("create database " + database).update();
    dataSource =
        new SimpleDriverDataSource(
            new org.postgresql.Driver(),
            connection.getJdbcUrl().replaceFirst("/postgres([?]|$)", "/" + database + "$1"),
            connection.getUsername(),
            connection.getPassword());
    old = JdbcClient.create(dataSource);
    migrate("6");
  }

  @AfterEach
  void dropDatabase() {
    jdbc.sql("drop database " + database + " with (force)").update();
  }

  @Test
  void keepsTheStoredRowsInPlaceAndInsightsStillReadThem() {
    Instant now = Instant.now();
    UUID alert = UUID.randomUUID();
    old.sql(
            """
            insert into alert_copy (id, email, search_phrase, frequency_minutes, currency,
                item_condition, buying_option, active, version, created_at, updated_at, marketplace)
            values (?, 'jane@example.com', 'camera', 10, 'USD', 'ANY', 'ANY', true, 0, ?, ?,
                'EBAY_US')""")
        .params(alert, Timestamp.from(now), Timestamp.from(now))
        .update();
    observe(alert, "A", "120.00", now.minus(Duration.ofDays(20))); // before the window
    observe(alert, "A", "100.00", now.minus(Duration.ofDays(10)));
    observe(alert, "B", "80.00", now.minus(Duration.ofHours(2)));
    observe(alert, "C", "90.00", now.minus(Duration.ofHours(1)));
    long rows = count();
    long lastId = old.sql("select max(id) from price_observation").query(Long.class).single();
    long heap = fileNode("price_observation");
    long index = fileNode("price_observation_alert_market_window_idx");

    migrate(null);

    // the same table and index files: attached as they are, not copied nor rebuilt
    assertThat(count()).isEqualTo(rows);
    assertThat(fileNode("price_observation_legacy")).isEqualTo(heap);
    assertThat(fileNode("price_observation_legacy_alert_market_window_idx")).isEqualTo(index);
    assertThat(
            old.sql("select distinct tableoid::regclass::text from price_observation")
                .query(String.class)
                .list())
        .containsExactly("price_observation_legacy");
    // ids go on from the last one
    observe(alert, "D", "95.00", now);
    assertThat(
            old.sql("select id from price_observation where item_id = 'D'")
                .query(Long.class)
                .single())
        .isGreaterThan(lastId);

    AlertInsights insights = InsightsFor.database(dataSource, Clock.systemUTC()).forAlert(alert);
    assertThat(insights.currencies()).hasSize(1);
    CurrencyInsights usd = insights.currencies().get(0);
    assertThat(usd.listingsTracked()).isEqualTo(4);
    // A was seen before the window: of A, B, C, D only three are new
    assertThat(usd.newListings()).isEqualTo(3);
    assertThat(usd.lowest()).isEqualByComparingTo(new BigDecimal("80.00"));
  }

  @Test
  void retentionDeletesTheLegacyPartitionsOldRowsInBatches() {
    Instant now = Instant.now();
    UUID alert = UUID.randomUUID();
    observe(alert, "old", now.minus(Duration.ofDays(20)));
    observe(alert, "kept", now.minus(Duration.ofDays(10)));
    migrate(null);
    RetentionJob retention =
        new RetentionJob(
            new Partitions(old, new DataSourceTransactionManager(dataSource)),
            old,
            new ObservationSettings(
                Duration.ofDays(15), Duration.ofHours(1), 7, Duration.ofHours(1)),
            Clock.systemUTC());

    retention.run();

    assertThat(old.sql("select item_id from price_observation").query(String.class).list())
        .containsExactly("kept");
    assertThat(exists("price_observation_legacy")).isTrue();
  }

  @Test
  void aFreshDatabaseStartsWithoutLegacyPartition() {
    migrate(null);

    assertThat(exists("price_observation_legacy")).isFalse();
    assertThat(exists("price_observation_default")).isTrue();
    assertThat(
            old.sql("select relkind::text from pg_class where relname = 'price_observation'")
                .query(String.class)
                .single())
        .isEqualTo("p");
  }

  private void migrate(String target) {
    var configuration = Flyway.configure().configuration(flyway.getConfiguration());
    configuration.dataSource(dataSource);
    if (target != null) {
      configuration.target(target);
    } else {
      configuration.target("latest");
    }
    configuration.load().migrate();
  }

  private void observe(UUID alert, String item, Instant at) {
    observe(alert, item, "100.00", at);
  }

  private void observe(UUID alert, String item, String price, Instant at) {
    old.sql(
            "insert into price_observation (alert_id, item_id, title, price, currency, observed_at)"
                + " values (?, ?, 'Camera', ?, 'USD', ?)")
        .params(alert, item, new BigDecimal(price), Timestamp.from(at))
        .update();
  }

  private long count() {
    return old.sql("select count(*) from price_observation").query(Long.class).single();
  }

  private long fileNode(String relation) {
    return old.sql("select pg_relation_filenode(?::regclass)")
        .param(relation)
        .query(Long.class)
        .single();
  }

  private boolean exists(String table) {
    return old.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
  }
}
