package dev.ebayalerts.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Appends entries to a Redis stream (XADD) only while there is room, so that the streams can never
 * fill Redis: the eBay token and call budget share it, and with {@code maxmemory-policy noeviction}
 * a full Redis refuses their writes too (every eBay fetch is then deferred).
 *
 * <p>Two limits, checked in the same Lua script as the XADD so that no number of concurrent
 * publishers can overshoot them:
 *
 * <ul>
 *   <li>{@code pubsub.max-length}: the event stream {@linkplain #refusingAt refuses} entries once
 *       it holds that many; the dead-letter stream is {@linkplain #trimmingTo trimmed} to about
 *       that many instead (MAXLEN ~), dropping its oldest dead letters.
 *   <li>{@code pubsub.max-memory-fill}: both refuse entries while Redis's {@code used_memory} is at
 *       least this fraction of its {@code maxmemory} (read from INFO memory; no check when Redis
 *       has no maxmemory). The rest of maxmemory stays free for other keys and for replies to
 *       consumers.
 * </ul>
 *
 * A refused entry is not written and {@link StreamFull} is thrown: the publisher keeps the event
 * (alerts-service's outbox retries it), the subscriber keeps the message pending. Nothing is lost;
 * the stream waits for its consumers to catch up (only entries every group acknowledged are
 * trimmed, see {@link StreamTrimmer}).
 */
final class StreamAppender {

  static final String MAX_LENGTH = "max-length";
  static final String MAX_MEMORY_FILL = "max-memory-fill";

  private static final String REFUSE = "refuse";
  private static final String TRIM = "trim";

  /**
   * KEYS[1] stream; ARGV[1] max length, ARGV[2] {@code refuse} or {@code trim} at it, ARGV[3] max
   * memory fill, ARGV[4..] field, value, ... Returns {1, id} or {0, limit, figure, figure}.
   */
  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> APPEND =
      RedisScript.of(
          """
          local maxLength = tonumber(ARGV[1])
          if ARGV[2] == 'refuse' then
            local length = redis.call('XLEN', KEYS[1])
            if length >= maxLength then
              return {0, 'max-length', length, maxLength}
            end
          end
          local info = redis.call('INFO', 'memory')
          local maxMemory = tonumber(string.match(info, '\\nmaxmemory:(%d+)'))
          if maxMemory and maxMemory > 0 then
            local used = tonumber(string.match(info, '\\nused_memory:(%d+)'))
            if used >= maxMemory * tonumber(ARGV[3]) then
              return {0, 'max-memory-fill', used, maxMemory}
            end
          end
          local command = {'XADD', KEYS[1]}
          if ARGV[2] == 'trim' then
            table.insert(command, 'MAXLEN')
            table.insert(command, '~')
            table.insert(command, ARGV[1])
          end
          table.insert(command, '*')
          for i = 4, #ARGV do
            table.insert(command, ARGV[i])
          end
          return {1, redis.call(unpack(command))}
          """,
          List.class);

  private final StringRedisTemplate redis;
  private final long maxLength;
  private final String atMaxLength;
  private final double maxMemoryFill;

  private StreamAppender(
      StringRedisTemplate redis, long maxLength, String atMaxLength, double maxMemoryFill) {
    this.redis = redis;
    this.maxLength = maxLength;
    this.atMaxLength = atMaxLength;
    this.maxMemoryFill = maxMemoryFill;
  }

  /** For the event stream: refuses entries once the stream holds {@code maxLength}. */
  static StreamAppender refusingAt(
      StringRedisTemplate redis, long maxLength, double maxMemoryFill) {
    return new StreamAppender(redis, maxLength, REFUSE, maxMemoryFill);
  }

  /**
   * For the dead-letter stream: trims it to about {@code maxLength} entries (whole nodes of up to
   * {@code stream-node-max-entries}, 100 by default) and refuses only on memory.
   */
  static StreamAppender trimmingTo(
      StringRedisTemplate redis, long maxLength, double maxMemoryFill) {
    return new StreamAppender(redis, maxLength, TRIM, maxMemoryFill);
  }

  /**
   * Appends one entry.
   *
   * @throws StreamFull if a limit refused it; nothing was written
   * @throws org.springframework.dao.DataAccessException if Redis failed
   */
  RecordId append(String stream, Map<String, String> fields) {
    List<String> args = new ArrayList<>(3 + 2 * fields.size());
    args.add(Long.toString(maxLength));
    args.add(atMaxLength);
    args.add(Double.toString(maxMemoryFill));
    fields.forEach(
        (field, value) -> {
          args.add(field);
          args.add(value);
        });
    List<?> result = redis.execute(APPEND, List.of(stream), args.toArray());
    if (((Number) result.get(0)).longValue() == 1) {
      return RecordId.of(String.valueOf(result.get(1)));
    }
    long first = ((Number) result.get(2)).longValue();
    long second = ((Number) result.get(3)).longValue();
    throw MAX_LENGTH.equals(result.get(1))
        ? StreamFull.atMaxLength(stream, first, second)
        : StreamFull.atMaxMemoryFill(first, second, maxMemoryFill);
  }
}
