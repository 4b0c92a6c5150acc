package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.channel.ChannelView;
import java.util.List;
import java.util.Optional;
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
   * An alert its owner just started, with what the page that confirms it shows: the secrets of its
   * WEBHOOK channels are shown there, once, because a create without a session never shows them.
   */
  public record Started(
      String email, String searchPhrase, String summary, List<ChannelView> channels) {}

  /**
   * Starts a pending alert with its owner's consent (the link in the email asking for it); an alert
   * started before stays as it is.
   *
   * @return empty when no alert has this id
   */
  public Optional<Started> start(UUID id) {
    return service
        .start(id)
        .map(
            alert ->
                new Started(
                    alert.email(), alert.searchPhrase(), alert.summary(), alert.channels()));
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
