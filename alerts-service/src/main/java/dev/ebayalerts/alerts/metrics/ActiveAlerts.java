package dev.ebayalerts.alerts.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code alerts.active{frequency}}: active alerts per check frequency (minutes), the load
 * the scheduler has to carry. Counted in the database every {@code alerts.metrics.refresh} and
 * cached, so a scrape never queries; every instance reports the same database-wide figure (use max,
 * not sum, across instances). A frequency once seen stays at 0 when its last alert goes.
 */
@Component
class ActiveAlerts {

  static final String NAME = "alerts.active";

  private static final Logger log = LoggerFactory.getLogger(ActiveAlerts.class);

  private final JdbcClient jdbc;
  private final MeterRegistry meters;
  private final Map<Integer, Long> counts = new ConcurrentHashMap<>();

  ActiveAlerts(JdbcClient jdbc, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
  }

  @Scheduled(
      initialDelayString = "${alerts.metrics.refresh:30s}",
      fixedDelayString = "${alerts.metrics.refresh:30s}")
  void refresh() {
    Map<Integer, Long> now;
    try {
      now = count();
    } catch (DataAccessException e) {
      // the gauges keep their last figures; the next refresh tries again
      log.warn("Could not count the active alerts: {}", e.getMessage());
      return;
    }
    now.keySet().forEach(this::register);
    counts.replaceAll((frequency, count) -> now.getOrDefault(frequency, 0L));
  }

  private Map<Integer, Long> count() {
    return jdbc
        .sql(
            "select frequency_minutes, count(*) from alert where active"
                + " group by frequency_minutes")
        .query((row, n) -> Map.entry(row.getInt(1), row.getLong(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private void register(int frequency) {
    if (counts.putIfAbsent(frequency, 0L) == null) {
      Gauge.builder(NAME, counts, all -> all.getOrDefault(frequency, 0L))
          .description("Active alerts per check frequency, counted in the database")
          .tag("frequency", String.valueOf(frequency))
          .strongReference(true)
          .register(meters);
    }
  }
}
