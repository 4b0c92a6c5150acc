package dev.ebayalerts.pubsub;

import java.util.Map;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Appends events to a Redis stream with XADD. Each XADD also applies the hard cap ({@code
 * pubsub.max-length}) with approximate MAXLEN; normal trimming is {@link StreamTrimmer}'s job.
 */
final class StreamsPublisher implements Publisher {

  /** Stream entry field holding the JSON envelope; the only field consumers rely on. */
  static final String EVENT_FIELD = "event";

  /** Stream entry field repeating the event type, so entries can be inspected with XRANGE. */
  static final String TYPE_FIELD = "type";

  private final StringRedisTemplate redis;
  private final EventCodec codec;
  private final String stream;
  private final XAddOptions trimming;
  private final PubSubMetrics metrics;

  StreamsPublisher(
      StringRedisTemplate redis,
      EventCodec codec,
      String stream,
      long maxLength,
      PubSubMetrics metrics) {
    this.redis = redis;
    this.codec = codec;
    this.stream = stream;
    this.trimming = hardCap(maxLength);
    this.metrics = metrics;
  }

  /**
   * The last-resort length guard applied on XADD. Exact MAXLEN trimming costs O(n) per XADD in the
   * worst case; "~" trims whole nodes cheaply.
   */
  static XAddOptions hardCap(long maxLength) {
    return XAddOptions.maxlen(maxLength).approximateTrimming(true);
  }

  @Override
  public void publish(Event event) {
    Map<String, String> fields = Map.of(TYPE_FIELD, event.type(), EVENT_FIELD, codec.encode(event));
    try {
      redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(stream), trimming);
    } catch (RuntimeException e) {
      metrics.publishFailed(event);
      throw PublishFailed.of(event, "stream " + stream, e);
    }
    metrics.published(event);
  }
}
