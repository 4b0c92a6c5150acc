package dev.ebayalerts.alerts.alert;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** What other features may do to an alert. */
@Component
public class AlertControl {

  private final AlertService service;

  AlertControl(AlertService service) {
    this.service = service;
  }

  /**
   * Pauses the alert (as an unsubscribe link does); it keeps its settings and can be resumed.
   *
   * @return false when no alert has this id
   */
  public boolean pause(UUID id) {
    return service.pause(id);
  }
}
