package dev.ebayalerts.analytics.observation;

import dev.ebayalerts.analytics.ingest.ProcessedEvents;
import dev.ebayalerts.pubsub.BatchEventHandler;
import dev.ebayalerts.pubsub.ListingsObserved;
import dev.ebayalerts.pubsub.ObservedListing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the prices of every fetch exactly once in effect, however often the event arrives. A read
 * batch of events is stored in one transaction with one batched insert; if it fails (one bad event
 * fails the whole insert) it rolls back and pubsub-lib hands the events over one by one.
 */
@Component
class ListingsIngest implements BatchEventHandler<ListingsObserved> {

  private final ProcessedEvents processed;
  private final Observations observations;

  ListingsIngest(ProcessedEvents processed, Observations observations) {
    this.processed = processed;
    this.observations = observations;
  }

  @Override
  @Transactional
  public void on(ListingsObserved event) {
    if (!processed.firstDelivery(event.eventId())) {
      return;
    }
    observations.add(List.of(observed(event)));
  }

  @Override
  @Transactional
  public void onBatch(List<ListingsObserved> events) {
    Set<UUID> fresh =
        processed.firstDeliveries(events.stream().map(ListingsObserved::eventId).toList());
    List<Observations.Fetch> fetches = new ArrayList<>(fresh.size());
    for (ListingsObserved event : events) {
      // remove: an event twice in the batch (a publisher retry) is stored once
      if (fresh.remove(event.eventId())) {
        fetches.add(observed(event));
      }
    }
    observations.add(fetches);
  }

  /** A listing without a price says nothing about prices; the fetch is still recorded as seen. */
  private static Observations.Fetch observed(ListingsObserved event) {
    List<ObservedListing> priced =
        event.listings().stream()
            .filter(listing -> listing.price() != null && listing.currency() != null)
            .toList();
    return new Observations.Fetch(event.alertId(), event.marketplace(), event.occurredAt(), priced);
  }
}
