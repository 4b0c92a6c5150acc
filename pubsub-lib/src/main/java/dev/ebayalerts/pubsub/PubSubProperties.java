package dev.ebayalerts.pubsub;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the event transport, bound to the {@code pubsub} prefix.
 *
 * @param transport Which Redis mechanism carries events; {@code STREAMS} unless there is a reason
 * @param stream Redis stream the events are appended to (Streams)
 * @param deadLetterStream Redis stream that receives messages that could not be processed (Streams)
 * @param group Consumer group of this application (Streams); every consuming application needs its
 *     own group, instances of the same application share one so each event is processed once
 * @param consumerName This instance's name inside the group (Streams); defaults to the host name
 *     plus a random suffix, which keeps instances on one host apart
 * @param maxLength Hard cap on the length of both streams, a last-resort guard against running
 *     Redis out of memory, not the normal way entries leave the stream (that is {@code
 *     trimInterval}'s safe trimming, which never removes an entry a consumer group still needs).
 *     Applied with approximate {@code MAXLEN} on every XADD: once a stream reaches it, the oldest
 *     entries are dropped <b>whether or not every consumer group has processed them</b>, so
 *     reaching it loses events. It is only reached when a group stops consuming for a long time (at
 *     5,000 events a minute the default lasts more than three hours) or an abandoned group is left
 *     on the stream. A WARN is logged and {@code pubsub.stream.fill} reports it from 80% on. Size
 *     it to Redis's memory: it bounds the stream at about this many times the average event size.
 *     Redis trims whole internal nodes, so the length can exceed it by up to {@code
 *     stream-node-max-entries} (100 by default)
 * @param trimInterval How often the stream is trimmed safely (Streams): entries are removed once
 *     every consumer group of the stream has received and acknowledged them, with {@code XTRIM
 *     MINID}. The same pass refreshes the stream gauges and checks the hard cap. It runs in every
 *     application using the Streams transport, publishers included, so trimming and the warnings go
 *     on while all consumers are down
 * @param maxDeliveries How many times a message is handed to a handler before it is dead-lettered
 *     (Streams)
 * @param claimIdle How long a delivered message may stay unacknowledged before another delivery is
 *     attempted, by any instance of the group (Streams). This is also the retry delay after a
 *     handler failure, and must be longer than the slowest handler run
 * @param claimInterval How often the consumer looks for messages idle longer than {@code claimIdle}
 *     (Streams)
 * @param pollTimeout How long one read blocks waiting for new messages (Streams); also bounds how
 *     long shutdown waits for the consumer. Keep it below the Redis command timeout
 * @param batchSize Maximum messages fetched or claimed per read (Streams)
 * @param channel Redis channel used by the Pub/Sub transport
 * @param subscriber Whether this application consumes at all
 */
@Validated
@ConfigurationProperties("pubsub")
public record PubSubProperties(
    @DefaultValue("STREAMS") @NotNull Transport transport,
    @DefaultValue("ebay-alerts.events") @NotBlank String stream,
    @DefaultValue("ebay-alerts.events.dlq") @NotBlank String deadLetterStream,
    @DefaultValue("analytics") @NotBlank String group,
    String consumerName,
    @DefaultValue("1000000") @Min(1) long maxLength,
    @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration trimInterval,
    @DefaultValue("5") @Min(1) int maxDeliveries,
    @DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration claimIdle,
    @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration claimInterval,
    @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration pollTimeout,
    @DefaultValue("10") @Min(1) int batchSize,
    @DefaultValue("ebay-alerts.events") @NotBlank String channel,
    @DefaultValue @NotNull @Valid SubscriberSettings subscriber) {

  public PubSubProperties {
    if (consumerName == null || consumerName.isBlank()) {
      consumerName = defaultConsumerName();
    }
    // A dead letter written to the stream it came from would be consumed and dead-lettered again.
    if (stream != null && stream.equals(deadLetterStream)) {
      throw new IllegalArgumentException(
          "pubsub.dead-letter-stream must differ from pubsub.stream (" + stream + ")");
    }
  }

  /** Redis mechanism carrying the events. See the package documentation for the guarantees. */
  public enum Transport {
    /** Redis Streams with consumer groups: at-least-once, redelivery, dead-letter stream. */
    STREAMS,
    /** Redis Pub/Sub: at-most-once, only subscribers connected at publish time receive. */
    PUBSUB
  }

  /**
   * Whether the subscriber runs.
   *
   * @param enabled {@code true} starts it even without handler beans (for handlers registered
   *     through {@link Subscriber#subscribe}), {@code false} never starts it; when unset it starts
   *     only if at least one {@link EventHandler} bean exists
   */
  public record SubscriberSettings(Boolean enabled) {}

  private static String defaultConsumerName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = System.getenv().getOrDefault("HOSTNAME", "consumer");
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
