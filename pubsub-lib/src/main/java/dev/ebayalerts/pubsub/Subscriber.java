package dev.ebayalerts.pubsub;

/**
 * Delivers events from the configured transport to registered handlers.
 *
 * <p>The auto-configuration creates a subscriber only in applications that consume: when at least
 * one {@link EventHandler} bean exists, or {@code pubsub.subscriber.enabled=true}. It starts
 * consuming after the application context has been refreshed and stops, after finishing the current
 * batch, when the context closes.
 *
 * <p>An event for which no handler is registered is acknowledged and skipped, so register handlers
 * during initialization (handler beans are registered automatically before consumption starts).
 *
 * <p>Guarantees per transport are described in the {@linkplain dev.ebayalerts.pubsub package
 * documentation}.
 */
public interface Subscriber {

  /**
   * Registers a handler for events of the given type (and its subtypes; pass {@link Event} to
   * receive all). An event matching several handlers is acknowledged only when all of them succeed;
   * if one fails, all of them see the event again on redelivery.
   */
  <E extends Event> void subscribe(Class<E> type, EventHandler<? super E> handler);
}
