package dev.ebayalerts.analytics.observation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes observations and processed-event ids beyond the retention window, in small batches so
 * ingest is never blocked behind one long delete.
 */
@Component
class RetentionJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
  private static final int BATCH = 10_000;

  private final Observations observations;
  private final JdbcClient jdbc;
  private final ObservationSettings settings;
  private final Clock clock;

  RetentionJob(
      Observations observations, JdbcClient jdbc, ObservationSettings settings, Clock clock) {
    this.observations = observations;
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${analytics.retention-check:1h}",
      fixedDelayString = "${analytics.retention-check:1h}")
  void run() {
    Instant cutoff = clock.instant().minus(settings.retention());
    long deleted = 0;
    for (int n = observations.deleteOlderThan(cutoff, BATCH);
        n > 0;
        n = observations.deleteOlderThan(cutoff, BATCH)) {
      deleted += n;
    }
    // An event older than the retention window is not redelivered by any sane setup; its id can go.
    int ids =
        jdbc.sql("delete from processed_event where processed_at < ?")
            .param(Timestamp.from(cutoff))
            .update();
    if (deleted > 0 || ids > 0) {
      log.info(
          "Retention: deleted {} observations and {} event ids before {}", deleted, ids, cutoff);
    }
  }
}
