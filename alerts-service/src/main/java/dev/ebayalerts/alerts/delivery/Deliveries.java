package dev.ebayalerts.alerts.delivery;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The way in to the delivery outbox: what a run tells is stored once as the run's notice (which the
 * Atom feed reads, whatever the channels) and once per enabled channel of the alert as deliveries,
 * split into as many messages as the channel takes. A channel its owner paused gets nothing. {@link
 * DeliverySender} sends them after the caller's transaction commits.
 */
@Component
public class Deliveries {

  private final DeliveryQueue queue;
  private final ObjectMapper json;

  Deliveries(DeliveryQueue queue, ObjectMapper json) {
    this.queue = queue;
    this.json = json;
  }

  /**
   * Stores what the run tells. Must run inside the caller's transaction, the one that also records
   * what was told: the decision and the deliveries commit (or roll back) together, so news is never
   * lost and never decided twice.
   *
   * @param told what to tell; at least one listing
   * @param now when the run happened; it orders the alert's notices
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deliver(NoticePayload told, Instant now) {
    if (told.listings().isEmpty()) {
      throw new IllegalArgumentException("A notice needs at least one listing");
    }
    UUID notice = UUID.randomUUID();
    queue.addNotice(notice, told.alertId(), json.writeValueAsString(told), now);
    for (DeliveryQueue.Target channel : queue.enabledChannels(told.alertId())) {
      int size = channel.type().listingsPerMessage();
      for (int from = 0, part = 0; from < told.listings().size(); from += size, part++) {
        NoticePayload message = told.part(from, Math.min(told.listings().size(), from + size));
        queue.add(
            told.alertId(),
            channel.id(),
            json.writeValueAsString(message),
            notice + ":" + channel.id() + ":" + part,
            message.usefulUntil(),
            now);
      }
    }
  }
}
