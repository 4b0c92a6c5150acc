package dev.ebayalerts.alerts.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AlertService {

  private final Alerts alerts;
  private final Clock clock;

  AlertService(Alerts alerts, Clock clock) {
    this.alerts = alerts;
    this.clock = clock;
  }

  @Transactional
  Alert create(AlertRequest request) {
    return alerts.save(new Alert(UUID.randomUUID(), request, now()));
  }

  @Transactional(readOnly = true)
  Alert get(UUID id) {
    return alerts.findById(id).orElseThrow(() -> AlertNotFound.withId(id));
  }

  @Transactional(readOnly = true)
  Page<Alert> list(PageRequest page) {
    return alerts.findAll(page);
  }

  /**
   * Replaces the alert's fields. A request carrying a version other than the current one is
   * refused, and so is a concurrent change that commits first (the entity's version check).
   */
  @Transactional
  Alert update(UUID id, AlertRequest request) {
    Alert alert = get(id);
    if (request.isStale(alert)) {
      throw AlertVersionConflict.of(alert, request.version());
    }
    alert.apply(request, now());
    return alerts.saveAndFlush(alert);
  }

  /** Postgres keeps microseconds: what is answered equals what is read back later. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Transactional
  void delete(UUID id) {
    alerts.delete(get(id));
  }
}
