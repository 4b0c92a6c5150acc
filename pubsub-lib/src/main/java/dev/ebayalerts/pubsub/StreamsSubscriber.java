package dev.ebayalerts.pubsub;

import static dev.ebayalerts.pubsub.StreamsPublisher.EVENT_FIELD;

import dev.ebayalerts.pubsub.EventCodec.EventUnreadable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Consumes a Redis stream as one member of a consumer group, on one background thread.
 *
 * <p>Each loop iteration first claims messages that have been pending longer than {@code claimIdle}
 * (left by a crashed instance, or by a handler failure here or elsewhere), then blocks up to {@code
 * pollTimeout} on XREADGROUP for new ones. The messages of one read are dispatched together, so a
 * {@link BatchEventHandler} can process them in one go (falling back to one at a time when that
 * fails). A message is acknowledged only after every matching handler returned. XCLAIM's
 * MIN-IDLE-TIME makes the claim atomic, so when several instances scan the pending list at once
 * only one of them gets each message.
 *
 * <p>The delivery count Redis keeps per pending message decides when to give up: the delivery that
 * reaches {@code maxDeliveries} and still fails moves the message to the dead-letter stream and
 * acknowledges it, so a poison message costs a few retries but never stalls the group. Unreadable
 * payloads are dead-lettered on first sight.
 *
 * <p>Redis errors never end the loop: it backs off (up to a few seconds), recreates the group when
 * it is missing (e.g. Redis restarted without persistence) and carries on. A dead letter refused
 * because Redis is at {@code pubsub.max-memory-fill} ({@link StreamFull}) is handled the same way:
 * the message stays pending and is dead-lettered on a later attempt, once trimming has freed
 * memory.
 */
final class StreamsSubscriber implements Subscriber, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamsSubscriber.class);

  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final Duration OUTAGE_REMINDER = Duration.ofMinutes(1);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /** Why a message ended up in the dead-letter stream; written to its {@code reason} field. */
  enum Reason {
    /** The payload is not a readable event of a known type and version. */
    UNREADABLE,
    /** A handler threw on the last allowed delivery. */
    HANDLER_FAILED,
    /** Delivered {@code maxDeliveries} times without being acknowledged, e.g. consumers crashed. */
    NOT_ACKNOWLEDGED
  }

  private final StringRedisTemplate redis;
  private final StreamOperations<String, Object, Object> streams;
  private final byte[] streamKey;
  private final byte[] eventField = EVENT_FIELD.getBytes(StandardCharsets.UTF_8);
  private final EventCodec codec;
  private final String stream;
  private final String deadLetterStream;
  private final String group;
  private final Consumer consumer;
  private final int maxDeliveries;
  private final Duration claimIdle;
  private final Duration claimInterval;
  private final Duration pollTimeout;
  private final int batchSize;
  private final StreamAppender deadLetters;
  private final PubSubMetrics metrics;
  private final Handlers handlers = new Handlers();
  private final Object lifecycle = new Object();

  private volatile boolean running;
  private Thread worker;
  private CountDownLatch stopSignal;

  StreamsSubscriber(
      StringRedisTemplate redis,
      EventCodec codec,
      PubSubProperties settings,
      PubSubMetrics metrics) {
    this.redis = redis;
    this.streams = redis.opsForStream();
    this.streamKey = settings.stream().getBytes(StandardCharsets.UTF_8);
    this.codec = codec;
    this.stream = settings.stream();
    this.deadLetterStream = settings.deadLetterStream();
    this.group = settings.group();
    this.consumer = Consumer.from(settings.group(), settings.consumerName());
    this.maxDeliveries = settings.maxDeliveries();
    this.claimIdle = settings.claimIdle();
    this.claimInterval = settings.claimInterval();
    this.pollTimeout = settings.pollTimeout();
    this.batchSize = settings.batchSize();
    this.deadLetters =
        StreamAppender.trimmingTo(redis, settings.maxLength(), settings.maxMemoryFill());
    this.metrics = metrics;
  }

  @Override
  public <E extends Event> void subscribe(Class<E> type, EventHandler<? super E> handler) {
    handlers.add(type, handler);
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (running) {
        return;
      }
      running = true;
      CountDownLatch signal = new CountDownLatch(1);
      stopSignal = signal;
      worker = new Thread(() -> run(signal), "pubsub-" + consumer.getName());
      // Daemon so a context that is never closed cannot keep the JVM alive; stop() still ends the
      // thread cleanly on a normal shutdown.
      worker.setDaemon(true);
      worker.start();
      log.info(
          "Consuming stream {} as {} in group {}", stream, consumer.getName(), consumer.getGroup());
    }
  }

  @Override
  public void stop() {
    Thread stopping;
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      stopSignal.countDown();
      stopping = worker;
      worker = null;
    }
    // The loop notices the flag after the current read (at most pollTimeout) and batch.
    try {
      stopping.join(pollTimeout.plus(STOP_GRACE).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopping.isAlive()) {
      log.warn(
          "Consumer {} still busy after {}; leaving its pending messages to be claimed by others",
          consumer.getName(),
          pollTimeout.plus(STOP_GRACE));
      return;
    }
    leaveGroupIfNothingPending();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run(CountDownLatch stopSignal) {
    Outage outage = new Outage();
    boolean groupReady = false;
    long nextClaim = System.nanoTime();
    StreamReadOptions read = StreamReadOptions.empty().count(batchSize).block(pollTimeout);
    StreamOffset<byte[]> newMessages = StreamOffset.create(streamKey, ReadOffset.lastConsumed());
    try {
      while (running) {
        try {
          if (!groupReady) {
            createGroupIfMissing();
            groupReady = true;
          }
          if (System.nanoTime() - nextClaim >= 0) {
            boolean fullBatch = claimIdleMessages();
            nextClaim = fullBatch ? System.nanoTime() : System.nanoTime() + claimInterval.toNanos();
          }
          List<ByteRecord> records = read(read, newMessages);
          outage.end();
          if (records != null && !records.isEmpty()) {
            handle(records, 1);
          }
        } catch (RuntimeException e) {
          if (!running) {
            break;
          }
          // NOGROUP after a Redis restart or a deleted stream: recreate the group before reading.
          groupReady = false;
          await(stopSignal, outage.record(e));
        }
      }
    } catch (Throwable e) {
      log.error("Consumer {} stopped unexpectedly", consumer.getName(), e);
      running = false;
      throw e;
    }
  }

  /**
   * Creates the group at the start of the stream, creating the stream too if needed. Starting at
   * "0" rather than "$" means events published before this group first existed (or while Redis came
   * back empty after a restart) are still delivered; consumers are idempotent anyway.
   */
  private void createGroupIfMissing() {
    try {
      streams.createGroup(stream, ReadOffset.from("0"), group);
      log.info("Created consumer group {} on stream {}", group, stream);
    } catch (DataAccessException e) {
      String message = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
      if (message == null || !message.contains("BUSYGROUP")) {
        throw e;
      }
    }
  }

  /**
   * Takes over messages that nobody acknowledged within {@code claimIdle}.
   *
   * @return whether a full batch was pending, so more may be waiting
   */
  private boolean claimIdleMessages() {
    PendingMessages pending =
        streams.pending(stream, group, Range.unbounded(), batchSize, claimIdle);
    for (PendingMessage message : pending) {
      long delivered = message.getTotalDeliveryCount();
      if (!claim(message.getId(), delivered + 1)) {
        continue; // another instance was faster
      }
      List<ByteRecord> entry =
          redis.execute(
              (RedisCallback<List<ByteRecord>>)
                  connection ->
                      connection
                          .streamCommands()
                          .xRange(
                              streamKey,
                              Range.closed(message.getIdAsString(), message.getIdAsString())));
      if (entry == null) {
        entry = List.of();
      }
      if (entry.isEmpty()) {
        // Someone's XDEL or XTRIM (or a Redis that lost data) removed it before anyone processed
        // it; this library never does: safe trimming keeps what a group needs, and a full stream
        // refuses new entries rather than dropping old ones. Redis before 7.0 keeps such ids in
        // the pending list forever, where they would fill every claim batch.
        log.warn("Message {} was removed from {} before it was processed", message.getId(), stream);
        streams.acknowledge(stream, group, message.getId());
      } else if (delivered >= maxDeliveries) {
        IllegalStateException error =
            new IllegalStateException(
                "delivered %d times without being acknowledged, last to consumer %s"
                    .formatted(delivered, message.getConsumerName()));
        log.warn("Dead-lettering {} from {}: {}", message.getId(), stream, error.getMessage());
        deadLetter(entry.get(0), delivered, Reason.NOT_ACKNOWLEDGED, error);
      } else {
        handle(entry, delivered + 1);
      }
    }
    return pending.size() >= batchSize;
  }

  /**
   * Moves a pending message to this consumer unless someone else did since it was listed:
   * MIN-IDLE-TIME makes the check and the move atomic. JUSTID because a plain XCLAIM of a trimmed
   * entry returns a nil entry on Redis 6.2, which Spring Data Redis cannot parse; RETRYCOUNT then
   * counts the delivery that JUSTID would otherwise not count.
   */
  private boolean claim(RecordId id, long delivery) {
    List<RecordId> claimed =
        redis.execute(
            (RedisCallback<List<RecordId>>)
                connection ->
                    connection
                        .streamCommands()
                        .xClaimJustId(
                            streamKey,
                            group,
                            consumer.getName(),
                            XClaimOptions.minIdle(claimIdle).ids(id).retryCount(delivery)));
    return claimed != null && !claimed.isEmpty();
  }

  /**
   * Handles messages of the same delivery (a read batch, or one claimed message): unreadable ones
   * are dead-lettered, the others dispatched together (see {@link Handlers#dispatchAll}); those
   * every handler accepted are acknowledged with one XACK, the failed ones stay pending for a retry
   * or, on their last delivery, are dead-lettered.
   */
  private void handle(List<ByteRecord> records, long delivery) {
    List<ByteRecord> readable = new ArrayList<>(records.size());
    List<Event> events = new ArrayList<>(records.size());
    for (ByteRecord record : records) {
      try {
        events.add(codec.decode(payload(record)));
        readable.add(record);
      } catch (EventUnreadable e) {
        log.warn(
            "Dead-lettering unreadable message {} from {}: {}",
            record.getId(),
            stream,
            e.getMessage());
        deadLetter(record, delivery, Reason.UNREADABLE, e);
      }
    }
    if (events.isEmpty()) {
      return;
    }
    Throwable[] failures = handlers.dispatchAll(events);
    List<RecordId> handled = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      Throwable failure = failures[i];
      if (failure == null) {
        handled.add(readable.get(i).getId());
      } else if (delivery >= maxDeliveries) {
        log.warn(
            "Dead-lettering {} {} after {} failed deliveries",
            event.type(),
            event.eventId(),
            delivery,
            failure);
        deadLetter(readable.get(i), delivery, Reason.HANDLER_FAILED, failure);
      } else {
        log.warn(
            "Handling {} {} failed (delivery {} of {}), retrying in about {}: {}",
            event.type(),
            event.eventId(),
            delivery,
            maxDeliveries,
            claimIdle,
            failure.toString());
      }
    }
    if (!handled.isEmpty()) {
      streams.acknowledge(stream, group, handled.toArray(RecordId[]::new));
      for (int i = 0; i < events.size(); i++) {
        if (failures[i] == null) {
          metrics.consumed(events.get(i));
        }
      }
    }
  }

  /**
   * Copies the entry to the dead-letter stream with the failure, then acknowledges it. Not atomic:
   * a crash in between leaves it pending, so it may be dead-lettered twice but never lost.
   *
   * @throws StreamFull if Redis is at {@code pubsub.max-memory-fill}; the entry stays pending
   */
  private void deadLetter(ByteRecord record, long deliveries, Reason reason, Throwable error) {
    Map<String, String> fields = new LinkedHashMap<>();
    record.getValue().forEach((key, value) -> fields.put(text(key), text(value)));
    fields.put("reason", reason.name());
    fields.put("error", describe(error));
    fields.put("sourceStream", stream);
    fields.put("sourceId", record.getId().getValue());
    fields.put("group", group);
    fields.put("consumer", consumer.getName());
    fields.put("deliveries", Long.toString(deliveries));
    fields.put("deadLetteredAt", Instant.now().toString());
    deadLetters.append(deadLetterStream, fields);
    streams.acknowledge(stream, group, record.getId());
    metrics.deadLettered(reason.name());
  }

  /**
   * Reads new messages as raw bytes: the events are decoded straight from them (Jackson's UTF-8
   * parser), without first copying every payload of a read batch, megabytes of JSON, into strings.
   */
  private List<ByteRecord> read(StreamReadOptions options, StreamOffset<byte[]> offset) {
    return redis.execute(
        (RedisCallback<List<ByteRecord>>)
            connection -> connection.streamCommands().xReadGroup(consumer, options, offset));
  }

  /** The entry's event field, or null if it has none. */
  private byte[] payload(ByteRecord record) {
    for (Map.Entry<byte[], byte[]> field : record.getValue().entrySet()) {
      if (Arrays.equals(field.getKey(), eventField)) {
        return field.getValue();
      }
    }
    return null;
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
  }

  private static String describe(Throwable error) {
    String description = error.toString();
    Throwable root = NestedExceptionUtils.getRootCause(error);
    return root == null ? description : description + " (caused by " + root + ")";
  }

  private void leaveGroupIfNothingPending() {
    try {
      // Deleting a consumer drops its pending entries, so only leave when there are none.
      if (streams.pending(stream, consumer, Range.unbounded(), 1L).isEmpty()) {
        streams.deleteConsumer(stream, consumer);
      }
    } catch (RuntimeException e) {
      log.debug("Could not remove consumer {} from group {}", consumer.getName(), group, e);
    }
  }

  private static void await(CountDownLatch stopSignal, Duration delay) {
    try {
      stopSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Backoff and log throttling while Redis is failing: one WARN, then a reminder each minute. */
  private final class Outage {

    private int failures;
    private long lastWarning;

    Duration record(RuntimeException e) {
      failures++;
      long now = System.nanoTime();
      if (failures == 1 || now - lastWarning >= OUTAGE_REMINDER.toNanos()) {
        lastWarning = now;
        log.warn(
            "Consumer {} cannot read stream {} (failure {}), retrying: {}",
            consumer.getName(),
            stream,
            failures,
            NestedExceptionUtils.getMostSpecificCause(e).toString());
      } else {
        log.debug("Consumer {} still failing", consumer.getName(), e);
      }
      long factor = 1L << Math.min(failures - 1, 10);
      Duration delay = MIN_BACKOFF.multipliedBy(factor);
      return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    void end() {
      if (failures > 0) {
        log.info(
            "Consumer {} reading stream {} again after {} failures",
            consumer.getName(),
            stream,
            failures);
        failures = 0;
      }
    }
  }
}
