package dev.ebayalerts.pubsub;

/**
 * Processes one kind of event. Declare it as a bean (a class implementing {@code
 * EventHandler<ListingsObserved>}, or a {@code @Bean} method returning a typed lambda) and the
 * auto-configuration subscribes it for its type argument; or pass it to {@link
 * Subscriber#subscribe}.
 *
 * <p>Returning normally means "processed": the message is acknowledged. Throwing means "not
 * processed": on the Streams transport the message stays pending and is delivered again after
 * {@code pubsub.claim-idle}, until it has been tried {@code pubsub.max-deliveries} times, after
 * which it is moved to the dead-letter stream together with the error. On the Pub/Sub transport the
 * error is logged and the message is lost.
 *
 * <p>Handlers are called from a single consumer thread per application, one message at a time (a
 * {@link BatchEventHandler} may instead get a whole read batch at once). The same event can arrive
 * more than once and out of order, so handlers must be idempotent on {@link Event#eventId()}.
 *
 * @param <E> the event type handled; {@link Event} itself receives every event
 */
@FunctionalInterface
public interface EventHandler<E extends Event> {

  /** Processes the event; throw to have it retried (Streams) or dropped (Pub/Sub). */
  void on(E event) throws Exception;
}
