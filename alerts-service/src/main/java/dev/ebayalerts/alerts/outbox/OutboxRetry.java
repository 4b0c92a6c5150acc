package dev.ebayalerts.alerts.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Republishes events that could not be published (Redis down, process killed before the relay ran).
 * A publication is resubmitted once it is older than {@link OutboxSettings#retryAfter()}, so one
 * being relayed right now is left alone. Several instances may resubmit the same event; consumers
 * de-duplicate on the event id.
 */
@Component
class OutboxRetry {

  private static final int BATCH_SIZE = 100;

  private final IncompleteEventPublications incomplete;
  private final OutboxSettings settings;

  OutboxRetry(
      IncompleteEventPublications incomplete,
      OutboxSettings settings,
      JdbcClient jdbc,
      MeterRegistry meters) {
    this.incomplete = incomplete;
    this.settings = settings;
    Gauge.builder(
            "alerts.outbox.pending",
            () ->
                jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class)
                    .single())
        .description("Events stored but not yet published to Redis")
        .register(meters);
  }

  @Scheduled(
      initialDelayString = "${alerts.outbox.retry-interval:10s}",
      fixedDelayString = "${alerts.outbox.retry-interval:10s}")
  void resubmit() {
    // In batches: after a long analytics outage (the stream refuses events once Redis is as full
    // as it may be, see pubsub-lib) thousands of events wait here, and loading them all at once
    // every retry would take the heap.
    incomplete.resubmitIncompletePublications(
        ResubmissionOptions.defaults()
            .withMinAge(settings.retryAfter())
            .withBatchSize(BATCH_SIZE)
            .withMaxInFlight(BATCH_SIZE));
  }
}
