package dev.ebayalerts.alerts.outbox;

import dev.ebayalerts.pubsub.Event;
import dev.ebayalerts.pubsub.Publisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Relays committed events to Redis. Spring Modulith stores each event in {@code event_publication}
 * in the transaction that raised it and marks it complete only when this listener returns; if Redis
 * is down the publish throws, the event stays, and {@link OutboxRetry} resubmits it later.
 *
 * <p>Asynchronous, so an HTTP request never waits on Redis: the API keeps answering during an
 * outage and the outbox grows instead.
 */
@Component
class EventRelay {

  private final Publisher publisher;

  EventRelay(Publisher publisher) {
    this.publisher = publisher;
  }

  @Async
  @TransactionalEventListener
  void on(Event event) {
    publisher.publish(event);
  }

  /**
   * The events of a batch in one go; if a part fails, the whole batch is tried again later, and
   * consumers skip the events they already had.
   */
  @Async
  @TransactionalEventListener
  void on(ObservationBatch batch) {
    publisher.publishAll(batch.events());
  }
}
