package dev.ebayalerts.analytics.observation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the daily partitions of {@code price_observation} ready from today to {@code
 * analytics.partitions-ahead} days ahead: at start and every {@code analytics.partition-check}.
 * Every instance runs it; {@link Partitions} makes concurrent runs harmless. A run that fails (the
 * database away, a lock not granted in time) changes nothing and the next one catches up; meanwhile
 * rows of a day without partition go into the default partition and move to the day's partition
 * when it is created.
 */
@Component
class PartitionUpkeep {

  private static final Logger log = LoggerFactory.getLogger(PartitionUpkeep.class);

  private final Partitions partitions;
  private final ObservationSettings settings;
  private final Clock clock;

  PartitionUpkeep(Partitions partitions, ObservationSettings settings, Clock clock) {
    this.partitions = partitions;
    this.settings = settings;
    this.clock = clock;
  }

  /** Without an initial delay: the first run is when the application starts. */
  @Scheduled(fixedDelayString = "${analytics.partition-check:1h}")
  void run() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    try {
      List<LocalDate> created =
          partitions.ensure(today, today.plusDays(settings.partitionsAhead()));
      if (!created.isEmpty()) {
        log.info("Partitions of price_observation created for {}", created);
      }
    } catch (DataAccessException e) {
      log.warn("Partitions of price_observation not created this time: {}", e.getMessage());
    }
  }
}
