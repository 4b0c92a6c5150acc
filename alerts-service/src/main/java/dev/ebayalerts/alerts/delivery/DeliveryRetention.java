package dev.ebayalerts.alerts.delivery;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox from growing forever: deliveries done (sent, cancelled, dropped) longer ago than
 * {@link DeliverySettings#keep()} are deleted, and so are notices that old beyond the newest ones
 * each alert's feed shows. Parked and pending deliveries are never deleted. Each statement deletes
 * a small batch, so no long lock is held; several instances may run it side by side.
 */
@Component
class DeliveryRetention {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

  private final DeliveryQueue queue;
  private final DeliverySettings settings;
  private final Clock clock;

  DeliveryRetention(DeliveryQueue queue, DeliverySettings settings, Clock clock) {
    this.queue = queue;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${alerts.delivery.purge-interval:1h}",
      fixedDelayString = "${alerts.delivery.purge-interval:1h}")
  void purge() {
    try {
      Purged purged = purge(clock.instant().minus(settings.keep()));
      if (purged.deliveries() + purged.notices() > 0) {
        log.info(
            "Deleted {} deliveries and {} notices older than {}",
            purged.deliveries(),
            purged.notices(),
            settings.keep());
      }
    } catch (DataAccessException e) {
      log.warn("Could not clean up deliveries, trying again later: {}", e.getMessage());
    }
  }

  /** Rows deleted by one clean-up. */
  record Purged(long deliveries, long notices) {}

  Purged purge(Instant before) {
    long deliveries = 0;
    for (int n; (n = queue.purgeDone(before, settings.purgeBatch())) > 0; ) {
      deliveries += n;
    }
    long notices = 0;
    for (int n;
        (n = queue.purgeNotices(before, settings.feedNotices(), settings.purgeBatch())) > 0; ) {
      notices += n;
    }
    return new Purged(deliveries, notices);
  }
}
