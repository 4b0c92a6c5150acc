package dev.ebayalerts.pubsub;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroups;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Removes the entries every consumer group is done with, every {@code pubsub.trim-interval} on one
 * background thread, then has {@link StreamGauges} measure the stream with the groups it read.
 *
 * <p>A group is done with an entry once it has received it (id at most the group's
 * last-delivered-id) and acknowledged it (id below the oldest id still pending in the group, if
 * any). Each pass reads XINFO GROUPS and, for groups with pending entries, the XPENDING summary;
 * the lowest of those bounds over all groups is the safe point, and {@code XTRIM <stream> MINID ~
 * <safe point>} removes the whole internal nodes below it. Approximate trimming may keep entries
 * that could go, never an entry at or above the safe point. A stream without consumer groups is not
 * trimmed at all: its events wait for the first group, which starts at the beginning.
 *
 * <p>Snapshots are enough because a group only moves forward: its last-delivered-id grows and an
 * acknowledged entry never becomes pending again. A safe point computed a moment ago is therefore
 * still safe when XTRIM runs, and instances of several applications may trim the same stream
 * concurrently. (Moving a group back with XGROUP SETID is outside this contract, and a group
 * created during a pass can miss entries all other groups were done with, as if it had been created
 * a moment later.)
 *
 * <p>Nothing else removes entries a group still needs: at {@code pubsub.max-length} entries, or
 * with Redis at {@code pubsub.max-memory-fill} of its maxmemory, publishing is refused instead
 * ({@link StreamAppender}). The dead-letter stream has no groups: it is trimmed to about {@code
 * pubsub.max-length} on XADD.
 */
final class StreamTrimmer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamTrimmer.class);

  /** Each XTRIM "~" removes at most 100 nodes by default; a backlog takes a few calls. */
  private static final int MAX_TRIM_CALLS = 1000;

  private static final byte[] MINID = "MINID".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] APPROXIMATELY = "~".getBytes(StandardCharsets.US_ASCII);

  private static final Comparator<RecordId> ID_ORDER =
      Comparator.comparing(RecordId::getTimestamp).thenComparing(RecordId::getSequence);

  private final StringRedisTemplate redis;
  private final StreamOperations<String, Object, Object> streams;
  private final String stream;
  private final byte[] streamKey;
  private final Duration interval;
  private final StreamGauges gauges;
  private final Object lifecycle = new Object();

  private ScheduledExecutorService executor;
  private boolean failing;

  StreamTrimmer(StringRedisTemplate redis, PubSubProperties settings, PubSubMetrics metrics) {
    this(
        redis,
        settings,
        new StreamGauges(
            redis, settings, metrics, StreamGauges.COUNT_PAGE, StreamGauges.COUNT_LIMIT));
  }

  /** With the page size and limit of lag counting chosen by tests. */
  StreamTrimmer(
      StringRedisTemplate redis,
      PubSubProperties settings,
      PubSubMetrics metrics,
      int countPage,
      int countLimit) {
    this(redis, settings, new StreamGauges(redis, settings, metrics, countPage, countLimit));
  }

  StreamTrimmer(StringRedisTemplate redis, PubSubProperties settings, StreamGauges gauges) {
    this.redis = redis;
    this.streams = redis.opsForStream();
    this.stream = settings.stream();
    this.streamKey = settings.stream().getBytes(StandardCharsets.UTF_8);
    this.interval = settings.trimInterval();
    this.gauges = gauges;
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (executor != null) {
        return;
      }
      executor =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "pubsub-trimmer");
                thread.setDaemon(true);
                return thread;
              });
      executor.scheduleWithFixedDelay(
          this::passQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService stopping;
    synchronized (lifecycle) {
      stopping = executor;
      executor = null;
    }
    if (stopping != null) {
      stopping.shutdownNow();
      try {
        stopping.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    synchronized (lifecycle) {
      return executor != null;
    }
  }

  /**
   * One pass: trims the stream up to the safe point, then measures it.
   *
   * @throws DataAccessException when Redis fails; the gauges then read {@code NaN}
   */
  synchronized Pass pass() {
    try {
      List<GroupProgress> groups = groups();
      RecordId safePoint = safePoint(groups);
      long removed = safePoint == null ? 0 : trimBefore(safePoint);
      StreamGauges.Reading reading = gauges.measure(groups);
      return new Pass(
          safePoint,
          removed,
          reading.length(),
          reading.deadLetters(),
          reading.groups(),
          reading.memoryFill());
    } catch (RuntimeException e) {
      gauges.unknown();
      throw e;
    }
  }

  private void passQuietly() {
    try {
      pass();
      if (failing) {
        failing = false;
        log.info("Trimming stream {} again", stream);
      }
    } catch (RuntimeException e) {
      if (!isRunning()) {
        return; // interrupted by stop()
      }
      if (!failing) {
        failing = true;
        log.warn(
            "Cannot trim or measure stream {}, retrying every {}: {}",
            stream,
            interval,
            NestedExceptionUtils.getMostSpecificCause(e).toString());
      } else {
        log.debug("Trimming stream {} still failing", stream, e);
      }
    }
  }

  private List<GroupProgress> groups() {
    XInfoGroups info;
    try {
      info = streams.groups(stream);
    } catch (DataAccessException e) {
      String message = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
      if (message != null && message.contains("no such key")) {
        return List.of();
      }
      throw e;
    }
    List<GroupProgress> groups = new ArrayList<>();
    for (XInfoGroup group : info) {
      long pending = group.pendingCount() == null ? 0 : group.pendingCount();
      groups.add(
          new GroupProgress(
              group.groupName(),
              RecordId.of(group.lastDeliveredId()),
              pending,
              pending > 0 ? oldestPending(group.groupName()) : null,
              group.getRaw().get("lag") instanceof Number lag ? lag.longValue() : null));
    }
    return groups;
  }

  private RecordId oldestPending(String group) {
    PendingMessagesSummary summary = streams.pending(stream, group);
    // Acknowledged since XINFO GROUPS: the group's last-delivered-id bounds it then.
    return summary.getTotalPendingMessages() == 0 ? null : summary.minRecordId();
  }

  /** The lowest id some group still needs, or {@code null} when there is no group. */
  private static RecordId safePoint(List<GroupProgress> groups) {
    return groups.stream().map(GroupProgress::firstNeeded).min(ID_ORDER).orElse(null);
  }

  /** Removes whole nodes of entries below {@code safePoint}; returns how many entries went. */
  private long trimBefore(RecordId safePoint) {
    byte[] id = safePoint.getValue().getBytes(StandardCharsets.US_ASCII);
    long removed = 0;
    for (int call = 0; call < MAX_TRIM_CALLS; call++) {
      Object result =
          redis.execute(
              (RedisCallback<Object>)
                  connection -> connection.execute("XTRIM", streamKey, MINID, APPROXIMATELY, id));
      long count = result instanceof Number number ? number.longValue() : 0;
      if (count == 0) {
        break;
      }
      removed += count;
    }
    if (removed > 0) {
      log.debug("Trimmed {} entries below {} from {}", removed, safePoint, stream);
    }
    return removed;
  }

  /**
   * Outcome of one pass.
   *
   * @param safePoint entries below it were trimmable; {@code null} when the stream had no group
   * @param removed entries removed by this pass
   * @param length stream length after trimming
   * @param deadLetters dead-letter stream length
   * @param groups every consumer group of the stream
   * @param memoryFill Redis's used memory as a fraction of its maxmemory, {@code NaN} without one
   */
  record Pass(
      RecordId safePoint,
      long removed,
      long length,
      long deadLetters,
      List<StreamGauges.GroupState> groups,
      double memoryFill) {}
}
