package dev.ebayalerts.pubsub;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert was deleted. Carries its last state so consumers can still attribute data to it.
 *
 * @param eventId unique id of this occurrence
 * @param occurredAt when the change happened
 * @param alert the alert's state
 */
public record AlertDeleted(UUID eventId, Instant occurredAt, AlertState alert) implements Event {

  /** Contract name on the wire. */
  public static final String TYPE = "AlertDeleted";

  /** Current schema version of this contract. */
  public static final int VERSION = 1;

  public AlertDeleted {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(alert, "alert");
  }

  /** A new event with a random id, occurring now. */
  public static AlertDeleted of(AlertState alert) {
    return new AlertDeleted(UUID.randomUUID(), Instant.now(), alert);
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
