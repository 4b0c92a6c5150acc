package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.pubsub.AlertCreated;
import dev.ebayalerts.pubsub.AlertDeleted;
import dev.ebayalerts.pubsub.AlertState;
import dev.ebayalerts.pubsub.AlertUpdated;
import java.time.Instant;
import java.util.UUID;

/** The alert events other services consume: each carries the alert's full state. */
final class AlertEvents {

  private AlertEvents() {}

  static AlertCreated created(Alert alert, Instant now) {
    return new AlertCreated(UUID.randomUUID(), now, state(alert));
  }

  static AlertUpdated updated(Alert alert, Instant now) {
    return new AlertUpdated(UUID.randomUUID(), now, state(alert));
  }

  static AlertDeleted deleted(Alert alert, Instant now) {
    return new AlertDeleted(UUID.randomUUID(), now, state(alert));
  }

  static AlertState state(Alert alert) {
    return new AlertState(
        alert.getId(),
        alert.getEmail(),
        alert.getSearchPhrase(),
        alert.getFrequencyMinutes(),
        alert.getMinPrice(),
        alert.getMaxPrice(),
        alert.getCurrency(),
        alert.getCondition().name(),
        alert.getBuyingOption().name(),
        alert.getExcludeWords(),
        // A pending alert is not running: analytics treats it as paused until it is started.
        alert.isActive() && !alert.isPending(),
        alert.getVersion(),
        alert.getCreatedAt(),
        alert.getUpdatedAt(),
        alert.getMarketplace().name());
  }
}
