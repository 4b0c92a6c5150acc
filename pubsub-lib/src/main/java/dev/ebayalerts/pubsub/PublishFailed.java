package dev.ebayalerts.pubsub;

/**
 * An event could not be handed to Redis (unreachable, timed out, or rejected), or was refused
 * because the stream is full ({@code pubsub.max-length}, {@code pubsub.max-memory-fill}). The event
 * may or may not have been published; retrying is safe because consumers de-duplicate on event id.
 */
public class PublishFailed extends RuntimeException {

  private final transient Event event;

  private PublishFailed(String message, Event event, Throwable cause) {
    super(message, cause);
    this.event = event;
  }

  /**
   * The failure to publish {@code event} to {@code destination}; public so that callers' test
   * doubles of {@link Publisher} can simulate an outage.
   */
  public static PublishFailed of(Event event, String destination, Throwable cause) {
    return new PublishFailed(
        "Could not publish %s %s to %s: %s"
            .formatted(event.type(), event.eventId(), destination, cause.getMessage()),
        event,
        cause);
  }

  /** The event that could not be published. */
  public Event event() {
    return event;
  }
}
