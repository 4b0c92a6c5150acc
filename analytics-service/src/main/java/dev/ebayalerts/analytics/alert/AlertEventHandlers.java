package dev.ebayalerts.analytics.alert;

import dev.ebayalerts.analytics.ingest.ProcessedEvents;
import dev.ebayalerts.pubsub.AlertCreated;
import dev.ebayalerts.pubsub.AlertDeleted;
import dev.ebayalerts.pubsub.AlertState;
import dev.ebayalerts.pubsub.AlertUpdated;
import dev.ebayalerts.pubsub.EventHandler;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@link AlertCopies} current from the alert events of alerts-service. */
@Configuration(proxyBeanMethods = false)
class AlertEventHandlers {

  @Bean
  EventHandler<AlertCreated> onAlertCreated(AlertChanges changes) {
    return event -> changes.apply(event.eventId(), event.alert(), false);
  }

  @Bean
  EventHandler<AlertUpdated> onAlertUpdated(AlertChanges changes) {
    return event -> changes.apply(event.eventId(), event.alert(), false);
  }

  @Bean
  EventHandler<AlertDeleted> onAlertDeleted(AlertChanges changes) {
    return event -> changes.apply(event.eventId(), event.alert(), true);
  }

  @Component
  static class AlertChanges {

    private final ProcessedEvents processed;
    private final AlertCopies copies;

    AlertChanges(ProcessedEvents processed, AlertCopies copies) {
      this.processed = processed;
      this.copies = copies;
    }

    @Transactional
    void apply(UUID eventId, AlertState alert, boolean deleted) {
      if (processed.firstDelivery(eventId)) {
        copies.apply(alert, deleted);
      }
    }
  }
}
