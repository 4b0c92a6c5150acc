package dev.ebayalerts.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Measures the stream after each trimming pass ({@link StreamTrimmer} calls it with the groups it
 * read): the stream and dead-letter lengths, each group's pending entries and lag, and Redis's
 * memory fill, as gauges ({@link PubSubMetrics}). It warns, rate-limited, once the stream passes
 * {@value #CAP_WARNING_PERCENT}% of its length limit or Redis passes {@value #CAP_WARNING_PERCENT}%
 * of its memory limit, so that an operator hears of it before publishers have to hold events back
 * ({@link StreamAppender} refuses them at the limits).
 *
 * <p>Lag (entries not yet delivered to a group) comes from XINFO GROUPS on Redis 7 and later. Redis
 * 6.2 does not report it, so it is counted from whichever end of the stream is nearer the group's
 * last-delivered-id, in pages counted inside Redis so no payload crosses the network. Safe trimming
 * keeps the part before the slowest group's position short, so that end is near for the group that
 * matters; when both sides exceed {@code countLimit} entries the lag is reported as unknown ({@code
 * NaN}) rather than paid for.
 */
final class StreamGauges {

  private static final Logger log = LoggerFactory.getLogger(StreamGauges.class);

  static final int CAP_WARNING_PERCENT = 80;
  private static final Duration CAP_WARNING_EVERY = Duration.ofMinutes(5);

  /** Key of the memory warning among the stream keys of {@code lastCapWarning}. */
  private static final String REDIS_MEMORY = "\n redis memory";

  static final int COUNT_PAGE = 500;
  static final int COUNT_LIMIT = 10_000;

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

  private final StringRedisTemplate redis;
  private final StreamOperations<String, Object, Object> streams;
  private final String stream;
  private final String deadLetterStream;
  private final long maxLength;
  private final double maxMemoryFill;
  private final PubSubMetrics metrics;
  private final int countPage;
  private final int countLimit;
  private final Map<String, Long> lastCapWarning = new HashMap<>();

  /** With the page size and limit of lag counting ({@link #COUNT_PAGE}, {@link #COUNT_LIMIT}). */
  StreamGauges(
      StringRedisTemplate redis,
      PubSubProperties settings,
      PubSubMetrics metrics,
      int countPage,
      int countLimit) {
    this.redis = redis;
    this.streams = redis.opsForStream();
    this.stream = settings.stream();
    this.deadLetterStream = settings.deadLetterStream();
    this.maxLength = settings.maxLength();
    this.maxMemoryFill = settings.maxMemoryFill();
    this.metrics = metrics;
    this.countPage = countPage;
    this.countLimit = countLimit;
  }

  /** Measures the stream and its {@code groups}, refreshes the gauges and warns near a limit. */
  Reading measure(List<GroupProgress> groups) {
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
    return new Reading(length, deadLetters, states, memory.fill());
  }

  /** Redis could not be asked: the gauges read {@code NaN} rather than stale values. */
  void unknown() {
    metrics.unknown();
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

  private record Page(long count, String lastId) {}

  /** Redis's used_memory and maxmemory (0: none) in bytes. */
  private record Memory(long used, long max) {

    /** Used memory as a fraction of maxmemory, {@code NaN} without maxmemory. */
    double fill() {
      return max > 0 ? (double) used / max : Double.NaN;
    }
  }

  /**
   * What one measurement found.
   *
   * @param length stream length
   * @param deadLetters dead-letter stream length
   * @param groups every consumer group of the stream
   * @param memoryFill Redis's used memory as a fraction of its maxmemory, {@code NaN} without one
   */
  record Reading(long length, long deadLetters, List<GroupState> groups, double memoryFill) {}

  /**
   * @param lag entries not yet delivered, {@code NaN} when unknown
   */
  record GroupState(String name, long pending, double lag) {}
}
