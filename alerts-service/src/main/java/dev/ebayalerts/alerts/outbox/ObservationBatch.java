package dev.ebayalerts.alerts.outbox;

import dev.ebayalerts.pubsub.ListingsObserved;
import java.util.List;

/**
 * The {@code ListingsObserved} events of the runs one transaction made, stored in the outbox as one
 * publication and relayed in one round trip: a fetch cycle runs alerts in transactions of several,
 * and one outbox row (written, then deleted once relayed) per run was a quarter of a run's database
 * work. Analytics still receives one {@code ListingsObserved} per run, each with its own event id.
 *
 * @param events in the order the runs made them; at least one
 */
public record ObservationBatch(List<ListingsObserved> events) {

  public ObservationBatch {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("A batch holds at least one event");
    }
    events = List.copyOf(events);
  }
}
