package dev.ebayalerts.pubsub;

import java.util.List;

/**
 * Publishes events to the configured transport as JSON.
 *
 * <p>Publishing is synchronous: when {@link #publish} returns, Redis has accepted the message. On
 * the Streams transport the message is then durable in the stream (as durable as Redis itself) and
 * will reach every consumer group, including groups whose consumers are currently down (it stays in
 * the stream until every group has acknowledged it). On the Pub/Sub transport it has only been
 * handed to the subscribers connected at that instant.
 *
 * <p>The Streams transport refuses events rather than let the stream fill Redis: while the stream
 * holds {@code pubsub.max-length} entries, or Redis uses {@code pubsub.max-memory-fill} of its
 * maxmemory, {@link #publish} throws {@link PublishFailed} without writing anything, until
 * consumers catch up.
 *
 * <p>Callers that must not lose events (e.g. an outbox relay) should treat {@link PublishFailed} as
 * "try again later". A retry after a failure can publish the same event twice (Redis may have
 * accepted it before the connection broke), which is why consumers de-duplicate on {@link
 * Event#eventId()}.
 *
 * <p>Implementations are thread-safe.
 */
public interface Publisher {

  /**
   * Publishes one event.
   *
   * @throws PublishFailed if Redis is unreachable or rejects the message, or the stream is full
   */
  void publish(Event event);

  /**
   * Publishes events in order, in as few round trips as the transport allows (the Streams transport
   * appends up to {@value StreamsPublisher#BATCH} per call). A failure stops at the events of the
   * failing call; those before it were published, so a caller that retries the whole list publishes
   * them twice, which consumers de-duplicate.
   *
   * @throws PublishFailed if Redis is unreachable or rejects a message, or the stream is full
   */
  default void publishAll(List<? extends Event> events) {
    events.forEach(this::publish);
  }
}
