package dev.ebayalerts.pubsub;

import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Appends events to a Redis stream with XADD, through a {@link StreamAppender} that refuses them
 * once the stream holds {@code pubsub.max-length} entries or Redis uses {@code
 * pubsub.max-memory-fill} of its maxmemory. A refused event was not written and {@link
 * PublishFailed} tells the caller to keep it; entries leave the stream only through {@link
 * StreamTrimmer}'s safe trimming.
 */
final class StreamsPublisher implements Publisher {

  /** Stream entry field holding the JSON envelope; the only field consumers rely on. */
  static final String EVENT_FIELD = "event";

  /** Stream entry field repeating the event type, so entries can be inspected with XRANGE. */
  static final String TYPE_FIELD = "type";

  /** Most events appended in one round trip by {@link #publishAll}. */
  static final int BATCH = 100;

  private final EventCodec codec;
  private final String stream;
  private final StreamAppender appender;
  private final PubSubMetrics metrics;
  private final long maxLength;

  StreamsPublisher(
      StringRedisTemplate redis,
      EventCodec codec,
      PubSubProperties settings,
      PubSubMetrics metrics) {
    this.codec = codec;
    this.stream = settings.stream();
    this.appender =
        StreamAppender.refusingAt(redis, settings.maxLength(), settings.maxMemoryFill());
    this.metrics = metrics;
    this.maxLength = settings.maxLength();
  }

  @Override
  public void publish(Event event) {
    Map<String, String> fields = Map.of(TYPE_FIELD, event.type(), EVENT_FIELD, codec.encode(event));
    try {
      appender.append(stream, fields);
    } catch (StreamFull full) {
      metrics.publishFailed(event, full.limit());
      throw PublishFailed.of(event, "stream " + stream, full);
    } catch (RuntimeException e) {
      metrics.publishFailed(event, PubSubMetrics.ERROR);
      throw PublishFailed.of(event, "stream " + stream, e);
    }
    metrics.published(event);
  }

  /**
   * Appends the events in calls of up to {@value #BATCH} (and never more than the stream may hold,
   * so a call is never too big to fit an empty stream), each call all or nothing.
   */
  @Override
  public void publishAll(List<? extends Event> events) {
    int size = (int) Math.max(1, Math.min(BATCH, maxLength));
    for (int from = 0; from < events.size(); from += size) {
      List<? extends Event> chunk = events.subList(from, Math.min(events.size(), from + size));
      List<Map<String, String>> entries =
          chunk.stream()
              .map(event -> Map.of(TYPE_FIELD, event.type(), EVENT_FIELD, codec.encode(event)))
              .toList();
      try {
        appender.appendAll(stream, entries);
      } catch (StreamFull full) {
        chunk.forEach(event -> metrics.publishFailed(event, full.limit()));
        throw PublishFailed.of(chunk.get(0), "stream " + stream, full);
      } catch (RuntimeException e) {
        chunk.forEach(event -> metrics.publishFailed(event, PubSubMetrics.ERROR));
        throw PublishFailed.of(chunk.get(0), "stream " + stream, e);
      }
      chunk.forEach(metrics::published);
    }
  }
}
