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
  private final Alerts alerts;

  AlertControl(AlertService service, Alerts alerts) {
    this.service = service;
    this.alerts = alerts;
  }

  /** What other features may read of an alert: its search and the filters that exclude. */
  public record Owned(
      UUID id,
      String email,
      String searchPhrase,
      List<String> excludeWords,
      List<String> excludedSellers,
      List<String> excludedCategoryIds) {}

  /**
   * The alert, if it is the address's.
   *
   * @throws org.springframework.web.ErrorResponseException 404, exactly as for an alert that does
   *     not exist: someone else's alert is not told apart from a missing one
   */
  public Owned owned(UUID id, String email) {
    return alerts
        .findByIdAndEmail(id, email)
        .map(
            alert ->
                new Owned(
                    alert.getId(),
                    alert.getEmail(),
                    alert.getSearchPhrase(),
                    alert.getExcludeWords(),
                    alert.getExcludedSellers(),
                    alert.getExcludedCategoryIds()))
        .orElseThrow(() -> AlertNotFound.withId(id));
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
