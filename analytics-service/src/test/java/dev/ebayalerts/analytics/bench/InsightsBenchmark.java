package dev.ebayalerts.analytics.bench;

import static dev.ebayalerts.analytics.bench.BenchmarkReport.rate;
import static dev.ebayalerts.analytics.bench.BenchmarkReport.ratio;
import static dev.ebayalerts.analytics.bench.BenchmarkReport.seconds;
import static dev.ebayalerts.analytics.bench.BenchmarkReport.size;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.insight.AlertInsights;
import dev.ebayalerts.analytics.insight.Insights;
import dev.ebayalerts.analytics.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Step 9, item 3: the insights of 10,000 alerts over 10 million observations of the last 14 days,
 * computed the way the insight digest does, against one sequential scan of the same rows.
 *
 * <p>Sizes: {@code -Dbench.insights.alerts} (10,000), {@code -Dbench.insights.listings} per alert
 * (20) and {@code -Dbench.insights.sightings} per listing (50): 10,000,000 rows.
 */
@Tag("bench")
@IntegrationTest
class InsightsBenchmark {

  @Autowired Insights insights;
  @Autowired JdbcClient jdbc;

  @Test
  void computesTheInsightsOfTenThousandAlertsWithinThirtySeconds() {
    int alerts = size("bench.insights.alerts", 10_000);
    int listings = size("bench.insights.listings", 20);
    int sightings = size("bench.insights.sightings", 50);
    long rows = (long) alerts * listings * sightings;

    double generation = generate(alerts, listings, sightings);
    List<UUID> ids =
        jdbc.sql("select id from alert_copy where email like 'bench-%' order by id")
            .query(UUID.class)
            .list();
    assertThat(ids).hasSize(alerts);

    scan(); // warm the cache as the timed runs will find it
    double baseline = scan();
    long start = System.nanoTime();
    long currencies = 0;
    for (UUID id : ids) {
      AlertInsights figures = insights.forAlert(id);
      currencies += figures.currencies().size();
      assertThat(insights.history(id)).isNotEmpty();
    }
    double digest = (System.nanoTime() - start) / 1e9;
    assertThat(currencies).isEqualTo(alerts);

    String report =
        BenchmarkReport.header(
                "analytics-service: insights of 10,000 alerts (Step 9, item 3)",
                "-Dbench.insights.alerts="
                    + alerts
                    + " -Dbench.insights.listings="
                    + listings
                    + " -Dbench.insights.sightings="
                    + sightings)
            + "\n"
            + rows
            + " `price_observation` rows: "
            + alerts
            + " alerts × "
            + listings
            + " listings × "
            + sightings
            + " sightings spread over the last 14 days, written in time order (so one alert's"
            + " rows are spread over the whole table, as fetches interleave), then `VACUUM"
            + " ANALYZE` (generated in "
            + seconds(generation)
            + " s). Timed: the insights of every alert computed as the digest does"
            + " (`Insights.forAlert` and `Insights.history` per alert). Baseline: one"
            + " `select count(*), sum(price) from price_observation` (a sequential scan of all"
            + " rows), warm. Target: < 30 s.\n\n"
            + "| what | alerts | rows | seconds | alerts/s | ratio to the scan |\n"
            + "|---|---:|---:|---:|---:|---:|\n"
            + "| insights of every alert, as the digest computes them | "
            + alerts
            + " | "
            + rows
            + " | "
            + seconds(digest)
            + " | "
            + rate(alerts / digest)
            + " | "
            + ratio(digest / baseline)
            + " |\n"
            + "| baseline: sequential scan `count(*), sum(price)` | - | "
            + rows
            + " | "
            + seconds(baseline)
            + " | - | 1.00 |\n"
            + "\n"
            + "Result: "
            + seconds(digest)
            + " s, "
            + (digest < 30 ? "within" : "over")
            + " the target of 30 s.\n";
    BenchmarkReport.write("analytics-insights", report);
  }

  /** Seconds spent generating the rows (not part of any figure). */
  private double generate(int alerts, int listings, int sightings) {
    long start = System.nanoTime();
    jdbc.sql("truncate price_observation, processed_event").update();
    jdbc.sql("delete from alert_copy where email like 'bench-%'").update();
    // five alerts per recipient, as a digest covers all of a person's alerts
    jdbc.sql(
            """
            insert into alert_copy (id, email, search_phrase, frequency_minutes, currency,
                item_condition, buying_option, active, version, created_at, updated_at)
            select md5('bench-alert-' || n)::uuid, 'bench-' || (n / 5) || '@example.com',
                   'search ' || n, 10, 'USD', 'ANY', 'ANY', true, 0, now(), now()
            from generate_series(1, ?) n""")
        .param(alerts)
        .update();
    // Loading is quicker without the secondary indexes; they are rebuilt as the migrations made
    // them.
    List<String> indexes =
        jdbc.sql(
                """
                select indexdef from pg_indexes
                where tablename = 'price_observation' and indexname <> 'price_observation_pkey'""")
            .query(String.class)
            .list();
    jdbc.sql(
            """
            select indexname from pg_indexes
            where tablename = 'price_observation' and indexname <> 'price_observation_pkey'""")
        .query(String.class)
        .list()
        .forEach(index -> jdbc.sql("drop index " + index).update());
    // one statement per moment, oldest first: the table fills in time order as fetches do
    for (int sighting = sightings - 1; sighting >= 0; sighting--) {
      jdbc.sql(
              """
              insert into price_observation (alert_id, item_id, title, price, currency,
                  item_web_url, item_condition, buying_option, observed_at)
              select md5('bench-alert-' || a)::uuid, 'v1|' || (a * 1000 + l) || '|0',
                     'Listing ' || l || ' of search ' || a,
                     round((100 + (a % 50) * 10 + l * 3 - :sighting * 0.2 * (l % 3)
                            + random() * 20)::numeric, 2),
                     'USD', 'https://www.ebay.com/itm/' || (a * 1000 + l), 'USED', 'FIXED_PRICE',
                     now() - :sighting * (interval '13 days 12 hours' / :sightings)
                         - random() * interval '1 hour'
              from generate_series(1, :alerts) a, generate_series(1, :listings) l
              """)
          .param("sighting", sighting)
          .param("sightings", sightings)
          .param("alerts", alerts)
          .param("listings", listings)
          .update();
    }
    indexes.forEach(index -> jdbc.sql(index).update());
    jdbc.sql("vacuum analyze price_observation").update();
    jdbc.sql("vacuum analyze alert_copy").update();
    return (System.nanoTime() - start) / 1e9;
  }

  private double scan() {
    long start = System.nanoTime();
    jdbc.sql("select count(*), sum(price) from price_observation").query().singleRow();
    return (System.nanoTime() - start) / 1e9;
  }
}
