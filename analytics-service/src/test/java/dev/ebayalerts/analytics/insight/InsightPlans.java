package dev.ebayalerts.analytics.insight;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The plans PostgreSQL runs for the insight queries, for the benchmark's report. */
public final class InsightPlans {

  private InsightPlans() {}

  /** {@code EXPLAIN (ANALYZE, BUFFERS)} of each query for these alerts, by query name. */
  public static Map<String, String> explain(JdbcClient jdbc, List<UUID> alerts, Instant to) {
    Map<String, String> plans = new LinkedHashMap<>();
    plans.put("figures", explain(jdbc, Insights.FIGURES, alerts, to));
    return plans;
  }

  /** Alerts per query, as the digest batches them. */
  public static int batch() {
    return Insights.BATCH;
  }

  private static String explain(JdbcClient jdbc, String sql, List<UUID> alerts, Instant to) {
    Instant from = to.minus(Duration.ofDays(14));
    JdbcClient.StatementSpec statement =
        jdbc.sql("explain (analyze, buffers) " + sql)
            .param("alerts", alerts.toArray(UUID[]::new))
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to));
    if (sql.contains(":today")) {
      statement = statement.param("today", LocalDate.ofInstant(to, ZoneOffset.UTC));
    }
    if (sql.contains(":top")) {
      statement =
          statement
              .param("top", 5)
              .param("listedSince", Timestamp.from(to.minus(Duration.ofDays(1))));
    }
    return statement.query(String.class).list().stream().collect(Collectors.joining("\n"));
  }
}
