package dev.ebayalerts.alerts.alert;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes alerts nobody started once their start link has expired ({@link
 * AlertSettings#pendingTtl()}).
 */
@Component
class PendingAlerts {

  private static final Logger log = LoggerFactory.getLogger(PendingAlerts.class);

  private final AlertService service;
  private final AlertSettings settings;
  private final Clock clock;

  PendingAlerts(AlertService service, AlertSettings settings, Clock clock) {
    this.service = service;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
  void purge() {
    try {
      int deleted = purgeOnce();
      if (deleted > 0) {
        log.info("Deleted {} alert(s) never started", deleted);
      }
    } catch (DataAccessException e) {
      log.warn("Could not delete alerts never started, trying again later: {}", e.getMessage());
    }
  }

  /** One round: at most 100. */
  int purgeOnce() {
    return service.deletePendingCreatedBefore(clock.instant().minus(settings.pendingTtl()));
  }
}
