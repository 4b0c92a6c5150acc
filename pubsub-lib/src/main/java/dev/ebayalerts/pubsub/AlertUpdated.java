package dev.ebayalerts.pubsub;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert changed (any field, including being paused or resumed). Carries its full new state.
 *
 * @param eventId unique id of this occurrence
 * @param occurredAt when the change happened
 * @param alert the alert's state
 */
public record AlertUpdated(UUID eventId, Instant occurredAt, AlertState alert) implements Event {

  /** Contract name on the wire. */
  public static final String TYPE = "AlertUpdated";

  /** Current schema version of this contract. */
  public static final int VERSION = 1;

  public AlertUpdated {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(alert, "alert");
  }

  /** A new event with a random id, occurring now. */
  public static AlertUpdated of(AlertState alert) {
    return new AlertUpdated(UUID.randomUUID(), Instant.now(), alert);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public int version() {
    return VERSION;
  }
}
