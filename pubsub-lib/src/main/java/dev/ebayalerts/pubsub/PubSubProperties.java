package dev.ebayalerts.pubsub;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
 * @param maxLength Most entries the event stream holds: once it holds this many, publishing is
 *     refused ({@link PublishFailed}) until consumers catch up, so the publisher keeps the event
 *     (alerts-service's outbox retries it) and no entry a consumer group still needs is ever
 *     dropped. The dead-letter stream, which no group reads, is trimmed to about this many entries
 *     instead (approximate {@code MAXLEN}: its oldest dead letters go). A WARN is logged and {@code
 *     pubsub.stream.fill} reports it from 80% on. On a Redis with {@code maxmemory} the memory
 *     limit ({@code maxMemoryFill}) usually stops the stream first; this one bounds it where Redis
 *     has none
 * @param maxMemoryFill Fraction of Redis's {@code maxmemory} above which entries are refused, on
 *     both streams (publishing fails as at {@code maxLength}, dead-lettering is retried). The rest
 *     of maxmemory stays free for everything else in Redis (the eBay token and daily call budget,
 *     replies to consumers): with {@code maxmemory-policy noeviction} a Redis that the streams had
 *     filled would refuse those writes too. Checked against {@code used_memory} in the same script
 *     as each XADD; no effect when Redis has no {@code maxmemory}. A WARN is logged and {@code
 *     pubsub.redis.memory.fill} reports it from 80% of this value on
 * @param trimInterval How often the stream is trimmed safely (Streams): entries are removed once
 *     every consumer group of the stream has received and acknowledged them, with {@code XTRIM
 *     MINID}. The same pass refreshes the gauges and warns near either limit. It runs in every
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
    @DefaultValue("0.75") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        double maxMemoryFill,
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
