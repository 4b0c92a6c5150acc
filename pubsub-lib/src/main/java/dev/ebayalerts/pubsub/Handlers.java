package dev.ebayalerts.pubsub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The handlers registered with one subscriber, shared by both transports. */
final class Handlers {

  private static final Logger log = LoggerFactory.getLogger(Handlers.class);

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

  /**
   * Dispatches several events with the semantics of {@link #dispatch} for each: every matching
   * handler in registration order, an event's later handlers skipped once one failed. A {@link
   * BatchEventHandler} gets all its events in one call; if that call fails, it gets them one by
   * one, so only the events that fail alone are marked failed.
   *
   * @return per event (same index), the failure or {@code null} if every matching handler succeeded
   */
  Throwable[] dispatchAll(List<Event> events) {
    Throwable[] failures = new Throwable[events.size()];
    for (Registration<?> registration : registrations) {
      registration.handleAll(events, failures);
    }
    return failures;
  }

  private record Registration<E extends Event>(Class<E> type, EventHandler<? super E> handler) {

    boolean handle(Event event) throws Exception {
      if (!type.isInstance(event)) {
        return false;
      }
      handler.on(type.cast(event));
      return true;
    }

    void handleAll(List<Event> events, Throwable[] failures) {
      List<Integer> matching = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        if (failures[i] == null && type.isInstance(events.get(i))) {
          matching.add(i);
        }
      }
      if (matching.isEmpty()) {
        return;
      }
      if (matching.size() > 1 && handler instanceof BatchEventHandler<? super E> batch) {
        if (handleBatch(batch, events, matching)) {
          return;
        }
      }
      for (int i : matching) {
        try {
          handler.on(type.cast(events.get(i)));
        } catch (VirtualMachineError e) {
          throw e;
        } catch (Throwable e) {
          failures[i] = e;
        }
      }
    }

    @SuppressWarnings("unchecked")
    private boolean handleBatch(
        BatchEventHandler<? super E> batch, List<Event> events, List<Integer> matching) {
      Event[] selected = matching.stream().map(events::get).toArray(Event[]::new);
      try {
        ((BatchEventHandler<E>) batch).onBatch((List<E>) List.copyOf(Arrays.asList(selected)));
        return true;
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        // Handled one by one below, where each event's own failure (if any) is kept.
        log.info(
            "Batch of {} events failed, handling them one by one: {}",
            selected.length,
            e.toString());
        return false;
      }
    }
  }
}
