package dev.ebayalerts.pubsub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transport's Micrometer meters. Counters are incremented where things happen; the stream
 * gauges only read values that {@link StreamGauges} refreshes every {@code pubsub.trim-interval},
 * so scraping never calls Redis. A gauge reads {@code NaN} until its first refresh, while Redis
 * cannot be inspected, and for a group that no longer exists.
 *
 * <p>Without a {@link MeterRegistry} bean the meters go to an empty composite registry, i.e.
 * nowhere.
 */
final class PubSubMetrics {

  static final String PUBLISHED = "pubsub.published";
  static final String PUBLISH_FAILED = "pubsub.publish.failed";
  static final String CONSUMED = "pubsub.consumed";
  static final String DEAD_LETTERED = "pubsub.deadlettered";
  static final String STREAM_LENGTH = "pubsub.stream.length";
  static final String STREAM_FILL = "pubsub.stream.fill";
  static final String STREAM_PENDING = "pubsub.stream.pending";
  static final String STREAM_LAG = "pubsub.stream.lag";
  static final String DEAD_LETTER_LENGTH = "pubsub.deadletter.length";
  static final String REDIS_MEMORY_FILL = "pubsub.redis.memory.fill";

  /** {@code reason} of {@code pubsub.publish.failed} when Redis failed rather than refused. */
  static final String ERROR = "error";

  private final MeterRegistry registry;
  private final Map<String, Value> streamValues = new ConcurrentHashMap<>();
  private final Map<String, GroupValues> groupValues = new ConcurrentHashMap<>();

  PubSubMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters that are recorded nowhere, for code and tests that do not care. */
  static PubSubMetrics none() {
    return new PubSubMetrics(new CompositeMeterRegistry());
  }

  void published(Event event) {
    counter(PUBLISHED, "Events handed to Redis", "type", event.type()).increment();
  }

  /**
   * An event that was not published.
   *
   * @param reason {@code error} (Redis failed), or the limit that refused it: {@code max-length},
   *     {@code max-memory-fill}
   */
  void publishFailed(Event event, String reason) {
    Counter.builder(PUBLISH_FAILED)
        .description("Events Redis did not accept")
        .tags("type", event.type(), "reason", reason)
        .register(registry)
        .increment();
  }

  /** An event every matching handler processed (or none was interested in), now acknowledged. */
  void consumed(Event event) {
    counter(CONSUMED, "Events processed and acknowledged", "type", event.type()).increment();
  }

  void deadLettered(String reason) {
    counter(DEAD_LETTERED, "Messages moved to the dead-letter stream", "reason", reason)
        .increment();
  }

  /** Length of the event stream and how much of {@code pubsub.max-length} it uses. */
  void streamLength(String stream, double length, long maxLength) {
    streamValue(STREAM_LENGTH, stream, "Entries in the event stream").set(length);
    streamValue(STREAM_FILL, stream, "Stream length as a fraction of pubsub.max-length")
        .set(length / maxLength);
  }

  /**
   * Redis's used memory as a fraction of its maxmemory.
   *
   * @param fill {@code NaN} when Redis has no maxmemory
   */
  void redisMemoryFill(double fill) {
    streamValues
        .computeIfAbsent(
            REDIS_MEMORY_FILL,
            key -> {
              Value value = new Value();
              Gauge.builder(REDIS_MEMORY_FILL, value, Value::get)
                  .description(
                      "Redis used_memory as a fraction of maxmemory; at pubsub.max-memory-fill"
                          + " publishing stops")
                  .strongReference(true)
                  .register(registry);
              return value;
            })
        .set(fill);
  }

  void deadLetterLength(String deadLetterStream, double length) {
    streamValue(DEAD_LETTER_LENGTH, deadLetterStream, "Entries in the dead-letter stream")
        .set(length);
  }

  /**
   * Pending and lag of one consumer group.
   *
   * @param lag entries not yet delivered to the group, {@code NaN} when unknown
   */
  void group(String stream, String group, double pending, double lag) {
    GroupValues values =
        groupValues.computeIfAbsent(stream + '\n' + group, key -> register(stream, group));
    values.pending.set(pending);
    values.lag.set(lag);
  }

  /** Sets the group gauges of groups not in {@code present} to {@code NaN}. */
  void groupsGone(String stream, Collection<String> present) {
    groupValues.forEach(
        (key, values) -> {
          if (values.stream.equals(stream) && !present.contains(values.group)) {
            values.pending.set(Double.NaN);
            values.lag.set(Double.NaN);
          }
        });
  }

  /** Redis cannot be inspected: every stream gauge becomes {@code NaN}. */
  void unknown() {
    streamValues.values().forEach(value -> value.set(Double.NaN));
    groupValues
        .values()
        .forEach(
            values -> {
              values.pending.set(Double.NaN);
              values.lag.set(Double.NaN);
            });
  }

  private Counter counter(String name, String description, String tag, String value) {
    return Counter.builder(name).description(description).tag(tag, value).register(registry);
  }

  private Value streamValue(String name, String stream, String description) {
    return streamValues.computeIfAbsent(
        name + '\n' + stream,
        key -> {
          Value value = new Value();
          Gauge.builder(name, value, Value::get)
              .description(description)
              .tag("stream", stream)
              .strongReference(true)
              .register(registry);
          return value;
        });
  }

  private GroupValues register(String stream, String group) {
    GroupValues values = new GroupValues(stream, group, new Value(), new Value());
    Gauge.builder(STREAM_PENDING, values.pending, Value::get)
        .description("Entries delivered to the group but not yet acknowledged")
        .tags("stream", stream, "group", group)
        .strongReference(true)
        .register(registry);
    Gauge.builder(STREAM_LAG, values.lag, Value::get)
        .description("Entries in the stream not yet delivered to the group")
        .tags("stream", stream, "group", group)
        .strongReference(true)
        .register(registry);
    return values;
  }

  private record GroupValues(String stream, String group, Value pending, Value lag) {}

  /** A gauge's last refreshed value. */
  private static final class Value {

    private volatile double value = Double.NaN;

    double get() {
      return value;
    }

    void set(double value) {
      this.value = value;
    }
  }
}
