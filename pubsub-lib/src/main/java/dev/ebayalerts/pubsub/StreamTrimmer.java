package dev.ebayalerts.pubsub;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Removes the entries every consumer group is done with, and refreshes the stream gauges, every
 * {@code pubsub.trim-interval} on one background thread.
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
 * ({@link StreamAppender}). This class warns, rate-limited, once the stream passes {@value
 * #CAP_WARNING_PERCENT}% of its length limit or Redis passes {@value #CAP_WARNING_PERCENT}% of its
 * memory limit, so that an operator hears of it before publishers have to hold events back. The
 * dead-letter stream has no groups: it is trimmed to about {@code pubsub.max-length} on XADD.
 *
 * <p>Lag (entries not yet delivered to a group) comes from XINFO GROUPS on Redis 7 and later. Redis
 * 6.2 does not report it, so it is counted from whichever end of the stream is nearer the group's
 * last-delivered-id, in pages counted inside Redis so no payload crosses the network. Safe trimming
 * keeps the part before the slowest group's position short, so that end is near for the group that
 * matters; when both sides exceed {@code countLimit} entries the lag is reported as unknown ({@code
 * NaN}) rather than paid for.
 */
final class StreamTrimmer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamTrimmer.class);

  static final int CAP_WARNING_PERCENT = 80;
  private static final Duration CAP_WARNING_EVERY = Duration.ofMinutes(5);

  /** Key of the memory warning among the stream keys of {@code lastCapWarning}. */
  private static final String REDIS_MEMORY = "\n redis memory";

  /** Each XTRIM "~" removes at most 100 nodes by default; a backlog takes a few calls. */
  private static final int MAX_TRIM_CALLS = 1000;

  private static final int COUNT_PAGE = 500;
  private static final int COUNT_LIMIT = 10_000;

  private static final byte[] MINID = "MINID".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] APPROXIMATELY = "~".getBytes(StandardCharsets.US_ASCII);

  /** Counts up to ARGV[4] entries of XRANGE or XREVRANGE; returns the count and the last id. */
  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> COUNT_ENTRIES =
      RedisScript.of(
          """
          local entries = redis.call(ARGV[1], KEYS[1], ARGV[2], ARGV[3], 'COUNT', ARGV[4])
          local n = #entries
          if n == 0 then return {0, ''} end
          return {n, entries[n][1]}
          """,
          List.class);

  private static final Comparator<RecordId> ID_ORDER =
      Comparator.comparing(RecordId::getTimestamp).thenComparing(RecordId::getSequence);

  private final StringRedisTemplate redis;
  private final StreamOperations<String, Object, Object> streams;
  private final String stream;
  private final byte[] streamKey;
  private final String deadLetterStream;
  private final long maxLength;
  private final double maxMemoryFill;
  private final Duration interval;
  private final PubSubMetrics metrics;
  private final int countPage;
  private final int countLimit;
  private final Map<String, Long> lastCapWarning = new HashMap<>();
  private final Object lifecycle = new Object();

  private ScheduledExecutorService executor;
  private boolean failing;

  StreamTrimmer(StringRedisTemplate redis, PubSubProperties settings, PubSubMetrics metrics) {
    this(redis, settings, metrics, COUNT_PAGE, COUNT_LIMIT);
  }

  /** With the page size and limit of lag counting chosen by tests. */
  StreamTrimmer(
      StringRedisTemplate redis,
      PubSubProperties settings,
      PubSubMetrics metrics,
      int countPage,
      int countLimit) {
    this.redis = redis;
    this.streams = redis.opsForStream();
    this.stream = settings.stream();
    this.streamKey = settings.stream().getBytes(StandardCharsets.UTF_8);
    this.deadLetterStream = settings.deadLetterStream();
    this.maxLength = settings.maxLength();
    this.maxMemoryFill = settings.maxMemoryFill();
    this.interval = settings.trimInterval();
    this.metrics = metrics;
    this.countPage = countPage;
    this.countLimit = countLimit;
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
   * One pass: trims the stream up to the safe point and refreshes the gauges.
   *
   * @throws DataAccessException when Redis fails; the gauges then read {@code NaN}
   */
  synchronized Pass pass() {
    try {
      List<GroupProgress> groups = groups();
      RecordId safePoint = safePoint(groups);
      long removed = safePoint == null ? 0 : trimBefore(safePoint);
      long length = size(stream);
      long deadLetters = size(deadLetterStream);
      List<GroupState> states = new ArrayList<>();
      for (GroupProgress group : groups) {
        double lag = lag(group, length);
        states.add(new GroupState(group.name(), group.pending(), lag));
        metrics.group(stream, group.name(), group.pending(), lag);
      }
      metrics.groupsGone(stream, groups.stream().map(GroupProgress::name).toList());
      Memory memory = memory();
      metrics.streamLength(stream, length, maxLength);
      metrics.deadLetterLength(deadLetterStream, deadLetters);
      metrics.redisMemoryFill(memory.fill());
      warnIfNearCap(length, states);
      warnIfDeadLettersNearCap(deadLetters);
      warnIfMemoryNearLimit(memory, length, deadLetters);
      return new Pass(safePoint, removed, length, deadLetters, states, memory.fill());
    } catch (RuntimeException e) {
      metrics.unknown();
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

  private long size(String key) {
    Long size = streams.size(key);
    return size == null ? 0 : size;
  }

  private Memory memory() {
    Properties info =
        redis.execute(
            (RedisCallback<Properties>) connection -> connection.serverCommands().info("memory"));
    return new Memory(number(info, "used_memory"), number(info, "maxmemory"));
  }

  private static long number(Properties info, String name) {
    String value = info == null ? null : info.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("INFO memory did not report " + name);
    }
    return Long.parseLong(value.trim());
  }

  /** Entries after the group's last-delivered-id; {@code NaN} when too costly to count. */
  private double lag(GroupProgress group, long length) {
    if (group.reportedLag() != null) {
      return group.reportedLag();
    }
    String lastDelivered = group.lastDelivered().getValue();
    String after = "(" + lastDelivered;
    String upTo = lastDelivered;
    long undelivered = 0;
    long delivered = 0;
    while (undelivered < countLimit) {
      Page page = count("XRANGE", after, "+");
      undelivered += page.count();
      if (page.count() < countPage) {
        return undelivered;
      }
      after = "(" + page.lastId();
      page = count("XREVRANGE", upTo, "-");
      delivered += page.count();
      if (page.count() < countPage) {
        return Math.max(0, length - delivered);
      }
      upTo = "(" + page.lastId();
    }
    return Double.NaN;
  }

  private Page count(String command, String from, String to) {
    List<?> result =
        redis.execute(
            COUNT_ENTRIES, List.of(stream), command, from, to, Integer.toString(countPage));
    return new Page(((Number) result.get(0)).longValue(), String.valueOf(result.get(1)));
  }

  private void warnIfNearCap(long length, List<GroupState> groups) {
    if (nearCap(stream, length)) {
      log.warn(
          "Stream {} holds {} entries, {}% of pubsub.max-length ({}). At the limit publishing is"
              + " refused: publishers keep their events (alerts-service in its outbox) until"
              + " consumers catch up. Groups (pending, not yet delivered): {}. Bring lagging"
              + " consumers back, remove abandoned groups (XGROUP DESTROY) or raise"
              + " pubsub.max-length.",
          stream,
          length,
          percentOfCap(length),
          maxLength,
          groups.isEmpty()
              ? "none, so nothing can be trimmed safely"
              : groups.stream()
                  .map(group -> "%s (%d, %s)".formatted(group.name(), group.pending(), lag(group)))
                  .collect(Collectors.joining(", ")));
    }
  }

  private void warnIfDeadLettersNearCap(long length) {
    if (nearCap(deadLetterStream, length)) {
      log.warn(
          "Dead-letter stream {} holds {} entries, {}% of pubsub.max-length ({}). At the cap the"
              + " oldest dead letters are dropped: replay or remove them.",
          deadLetterStream, length, percentOfCap(length), maxLength);
    }
  }

  private void warnIfMemoryNearLimit(Memory memory, long length, long deadLetters) {
    boolean near =
        memory.max() > 0
            && memory.used() * 100.0 >= memory.max() * maxMemoryFill * CAP_WARNING_PERCENT;
    if (warnNow(REDIS_MEMORY, near)) {
      log.warn(
          "Redis uses {} of its {} bytes of maxmemory ({}%); at pubsub.max-memory-fill ({}%)"
              + " publishing is refused, so that the rest stays free for other keys (the eBay"
              + " token and call budget): publishers keep their events (alerts-service in its"
              + " outbox) until consumers catch up. Stream {} holds {} entries, dead-letter"
              + " stream {} holds {}. Bring lagging consumers back, remove abandoned groups (XGROUP"
              + " DESTROY) or give Redis more memory.",
          memory.used(),
          memory.max(),
          Math.round(memory.fill() * 100),
          Math.round(maxMemoryFill * 100),
          stream,
          length,
          deadLetterStream,
          deadLetters);
    }
  }

  /** Whether {@code key} is past the warning threshold and was not warned about lately. */
  private boolean nearCap(String key, long length) {
    return warnNow(key, length * 100 >= maxLength * CAP_WARNING_PERCENT);
  }

  /** Whether to warn about {@code key} now: it is past its threshold and not warned of lately. */
  private boolean warnNow(String key, boolean pastThreshold) {
    if (!pastThreshold) {
      lastCapWarning.remove(key);
      return false;
    }
    long now = System.nanoTime();
    Long last = lastCapWarning.get(key);
    if (last != null && now - last < CAP_WARNING_EVERY.toNanos()) {
      return false;
    }
    lastCapWarning.put(key, now);
    return true;
  }

  private long percentOfCap(long length) {
    return length * 100 / maxLength;
  }

  private static String lag(GroupState group) {
    return Double.isNaN(group.lag()) ? "unknown" : Long.toString((long) group.lag());
  }

  /** What a group has received and acknowledged, as read at the start of a pass. */
  private record GroupProgress(
      String name, RecordId lastDelivered, long pending, RecordId oldestPending, Long reportedLag) {

    /** Entries below this id were received and acknowledged by the group. */
    RecordId firstNeeded() {
      return oldestPending == null ? lastDelivered : oldestPending;
    }
  }

  private record Page(long count, String lastId) {}

  /** Redis's used_memory and maxmemory (0: none) in bytes. */
  private record Memory(long used, long max) {

    /** Used memory as a fraction of maxmemory, {@code NaN} without maxmemory. */
    double fill() {
      return max > 0 ? (double) used / max : Double.NaN;
    }
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
      List<GroupState> groups,
      double memoryFill) {}

  /**
   * @param lag entries not yet delivered, {@code NaN} when unknown
   */
  record GroupState(String name, long pending, double lag) {}
}
