package dev.ebayalerts.analytics.observation;

import dev.ebayalerts.analytics.ingest.ProcessedEvents;
import dev.ebayalerts.pubsub.BatchEventHandler;
import dev.ebayalerts.pubsub.ListingsObserved;
import dev.ebayalerts.pubsub.ObservedListing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the prices of every fetch exactly once in effect, however often the event arrives. A read
 * batch of events is stored in one transaction with one {@code COPY}; if it fails (one bad event
 * fails the whole copy) it rolls back and pubsub-lib hands the events over one by one.
 *
 * <p>Timed ({@code analytics.ingest.store}, commit included, per step: {@code dedupe} records the
 * event ids, {@code copy} writes the rows), so the share of ingest spent in the database can be
 * told from the share spent reading and decoding the stream.
 */
@Component
class ListingsIngest implements BatchEventHandler<ListingsObserved> {

  static final String TIMER = "analytics.ingest.store";

  private final ProcessedEvents processed;
  private final Observations observations;
  private final TransactionTemplate transaction;
  private final Timer stored;
  private final Timer dedupe;
  private final Timer copy;

  ListingsIngest(
      ProcessedEvents processed,
      Observations observations,
      PlatformTransactionManager transactionManager,
      MeterRegistry meters) {
    this.processed = processed;
    this.observations = observations;
    this.transaction = new TransactionTemplate(transactionManager);
    this.stored = timer(meters, "all", "a read batch (or one event) stored, commit included");
    this.dedupe = timer(meters, "dedupe", "the batch's event ids recorded");
    this.copy = timer(meters, "copy", "the batch's rows written");
  }

  private static Timer timer(MeterRegistry meters, String step, String description) {
    return Timer.builder(TIMER).tag("step", step).description(description).register(meters);
  }

  @Override
  public void on(ListingsObserved event) {
    stored.record(
        () ->
            transaction.executeWithoutResult(
                status -> {
                  if (processed.firstDelivery(event.eventId())) {
                    observations.add(List.of(observed(event)));
                  }
                }));
  }

  @Override
  public void onBatch(List<ListingsObserved> events) {
    stored.record(() -> transaction.executeWithoutResult(status -> store(events)));
  }

  private void store(List<ListingsObserved> events) {
    Set<UUID> fresh =
        dedupe.record(
            () ->
                processed.firstDeliveries(events.stream().map(ListingsObserved::eventId).toList()));
    List<Observations.Fetch> fetches = new ArrayList<>(fresh.size());
    for (ListingsObserved event : events) {
      // remove: an event twice in the batch (a publisher retry) is stored once
      if (fresh.remove(event.eventId())) {
        fetches.add(observed(event));
      }
    }
    copy.record(() -> observations.add(fetches));
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
