package dev.ebayalerts.pubsub;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The handlers registered with one subscriber, shared by both transports. */
final class Handlers {

  private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();

  <E extends Event> void add(Class<E> type, EventHandler<? super E> handler) {
    registrations.add(
        new Registration<>(Objects.requireNonNull(type), Objects.requireNonNull(handler)));
  }

  /**
   * Calls every handler whose type matches, in registration order, stopping at the first failure.
   *
   * @return how many handlers processed the event; zero if none is interested in it
   */
  int dispatch(Event event) throws Exception {
    int handled = 0;
    for (Registration<?> registration : registrations) {
      if (registration.handle(event)) {
        handled++;
      }
    }
    return handled;
  }

  private record Registration<E extends Event>(Class<E> type, EventHandler<? super E> handler) {

    boolean handle(Event event) throws Exception {
      if (!type.isInstance(event)) {
        return false;
      }
      handler.on(type.cast(event));
      return true;
    }
  }
}
