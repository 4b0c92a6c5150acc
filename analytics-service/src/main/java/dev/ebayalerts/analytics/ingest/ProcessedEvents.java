package dev.ebayalerts.analytics.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which events have been applied. Delivery is at-least-once, so every handler asks {@link
 * #firstDelivery} inside the transaction that applies the event: the id and the effect commit
 * together or not at all, and a redelivered event is skipped.
 */
@Component
public class ProcessedEvents {

  private final JdbcClient jdbc;
  private final Clock clock;

  ProcessedEvents(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the event as applied; false when it already was (then apply nothing). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean firstDelivery(UUID eventId) {
    return jdbc.sql(
                "insert into processed_event (event_id, processed_at) values (?, ?)"
                    + " on conflict (event_id) do nothing")
            .params(eventId, Timestamp.from(clock.instant()))
            .update()
        == 1;
  }

  /**
   * Records the events as applied in one statement; returns those that were not yet (apply only
   * these). An id given twice counts once; ids are inserted in order so that two instances
   * recording overlapping batches wait for each other instead of deadlocking.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Set<UUID> firstDeliveries(Collection<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "insert into processed_event (event_id, processed_at)"
                    + " select distinct id, cast(? as timestamptz) from unnest(?::uuid[]) as id order by id"
                    + " on conflict (event_id) do nothing returning event_id")
            .params(Timestamp.from(clock.instant()), eventIds.toArray(UUID[]::new))
            .query(UUID.class)
            .list());
  }
}
