package dev.ebayalerts.alerts.notification;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Alert emails to send. An email is stored, not sent, by {@link #enqueue}: it goes out shortly
 * after the caller's transaction commits, and is retried until the mail server takes it.
 */
@Component
public class AlertEmails {

  private final EmailQueue queue;
  private final ObjectMapper json;
  private final Clock clock;

  AlertEmails(EmailQueue queue, ObjectMapper json, Clock clock) {
    this.queue = queue;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Stores an email for the alert's owner. Must run inside the caller's transaction, the one that
   * also records what the email tells about: the decision and the email commit (or roll back)
   * together, so news is never lost and never decided twice.
   *
   * @param alertId the alert the email is about; its unsubscribe link pauses this alert
   * @param recipient the address to send to
   * @param email what to tell; at least one listing
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(UUID alertId, String recipient, AlertEmail email) {
    if (email.listings().isEmpty()) {
      throw new IllegalArgumentException("An alert email needs at least one listing");
    }
    queue.add(
        UUID.randomUUID(), alertId, recipient, json.writeValueAsString(email), clock.instant());
  }
}
