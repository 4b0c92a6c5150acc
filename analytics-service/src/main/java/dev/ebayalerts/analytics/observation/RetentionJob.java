package dev.ebayalerts.analytics.observation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes observations and processed-event ids beyond the retention window. A daily partition goes
 * whole once all of its day is past the window (so rows stay up to a day longer than the window);
 * dropping it takes milliseconds whatever it holds. The legacy partition (rows stored before
 * partitioning) and the default one hold rows of any age: from them old rows are deleted in small
 * batches, as before partitioning, so ingest is never blocked behind one long delete; the legacy
 * partition too is dropped once all of it is past the window.
 */
@Component
class RetentionJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
  static final int BATCH = 10_000;

  private final Partitions partitions;
  private final JdbcClient jdbc;
  private final ObservationSettings settings;
  private final Clock clock;

  RetentionJob(Partitions partitions, JdbcClient jdbc, ObservationSettings settings, Clock clock) {
    this.partitions = partitions;
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${analytics.retention-check:1h}",
      fixedDelayString = "${analytics.retention-check:1h}")
  void run() {
    Instant cutoff = clock.instant().minus(settings.retention());
    int dropped = 0;
    long deleted = 0;
    for (Partitions.Partition partition : partitions.list()) {
      if (!partition.isDefault() && !partition.to().isAfter(cutoff)) {
        dropped += drop(partition) ? 1 : 0;
      } else if (partition.mixesDays()) {
        deleted += deleteOlderThan(partition.name(), cutoff);
      }
    }
    // An event older than the retention window is not redelivered by any sane setup; its id can go.
    int ids =
        jdbc.sql("delete from processed_event where processed_at < ?")
            .param(Timestamp.from(cutoff))
            .update();
    if (dropped > 0 || deleted > 0 || ids > 0) {
      log.info(
          "Retention: dropped {} partitions, deleted {} observations and {} event ids before {}",
          dropped,
          deleted,
          ids,
          cutoff);
    }
  }

  /** Deletes the partition's rows older than the cut-off, a bounded batch at a time. */
  long deleteOlderThan(String partition, Instant cutoff) {
    long deleted = 0;
    for (int n = partitions.deleteOlderThan(partition, cutoff, BATCH);
        n > 0;
        n = partitions.deleteOlderThan(partition, cutoff, BATCH)) {
      deleted += n;
    }
    return deleted;
  }

  private boolean drop(Partitions.Partition partition) {
    try {
      return partitions.drop(partition.name());
    } catch (DataAccessException e) {
      // most likely the lock timeout behind a long query: the next run tries again
      log.warn("Retention: could not drop {} yet: {}", partition.name(), e.getMessage());
      return false;
    }
  }
}
