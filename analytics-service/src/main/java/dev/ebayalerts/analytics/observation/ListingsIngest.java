package dev.ebayalerts.analytics.observation;

import dev.ebayalerts.analytics.ingest.ProcessedEvents;
import dev.ebayalerts.pubsub.EventHandler;
import dev.ebayalerts.pubsub.ListingsObserved;
import dev.ebayalerts.pubsub.ObservedListing;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores the prices of every fetch exactly once in effect, however often the event arrives. */
@Component
class ListingsIngest implements EventHandler<ListingsObserved> {

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
    // A listing without a price says nothing about prices; the fetch is still recorded as seen.
    List<ObservedListing> priced =
        event.listings().stream()
            .filter(listing -> listing.price() != null && listing.currency() != null)
            .toList();
    observations.add(event.alertId(), event.occurredAt(), priced);
  }
}
