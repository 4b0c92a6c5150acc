package dev.ebayalerts.pubsub;

import java.util.List;

/**
 * An {@link EventHandler} that can also process several events of its type at once, for example to
 * apply a whole read batch in one database transaction instead of one transaction per event.
 * Declare it as a bean like any handler; the auto-configuration subscribes it for its type
 * argument.
 *
 * <p>On the Streams transport the subscriber passes every event of a read batch (up to {@code
 * pubsub.batch-size}) that matches this handler to {@link #onBatch}, in stream order. Returning
 * normally means all of them are processed: they are acknowledged together. Throwing means the
 * batch had <b>no effect</b> (run it in one transaction that rolls back), and the subscriber then
 * hands the same events to {@link #on} one at a time, so one poison event is retried and finally
 * dead-lettered alone while the others are processed. Retried and claimed messages always go
 * through {@link #on}. The Pub/Sub transport calls only {@link #on}.
 *
 * <p>The same idempotency rules as for {@link #on} apply: a batch can contain an event that was
 * already processed (a redelivery) and even the same event twice (a publisher retry).
 *
 * @param <E> the event type handled; {@link Event} itself receives every event
 */
public interface BatchEventHandler<E extends Event> extends EventHandler<E> {

  /**
   * Processes the events, all or nothing; throw to have each of them handled by {@link #on} alone.
   *
   * @param events one or more events, in stream order
   */
  void onBatch(List<E> events) throws Exception;
}
