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
   * memory fill, ARGV[4] fields per entry (n), ARGV[5..] the entries, each n field, value pairs.
   * Returns {1, id, id, ...} (one id per entry) or {0, limit, figure, figure}: all entries are
   * written or none.
   */
  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> APPEND =
      RedisScript.of(
          """
          local maxLength = tonumber(ARGV[1])
          local width = 2 * tonumber(ARGV[4])
          local count = (#ARGV - 4) / width
          if ARGV[2] == 'refuse' then
            local length = redis.call('XLEN', KEYS[1])
            if length + count > maxLength then
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
          local ids = {1}
          for entry = 0, count - 1 do
            local command = {'XADD', KEYS[1]}
            if ARGV[2] == 'trim' then
              table.insert(command, 'MAXLEN')
              table.insert(command, '~')
              table.insert(command, ARGV[1])
            end
            table.insert(command, '*')
            for i = 5 + entry * width, 4 + (entry + 1) * width do
              table.insert(command, ARGV[i])
            end
            table.insert(ids, redis.call(unpack(command)))
          end
          return ids
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
    return appendAll(stream, List.of(fields)).get(0);
  }

  /**
   * Appends entries with the same fields in one round trip, all of them or none: at {@code
   * max-length} the stream refuses the entries that would take it past the limit, and with them the
   * others of the call.
   *
   * @param entries at least one; every entry has the same fields in the same order
   * @throws StreamFull if a limit refused them; nothing was written
   * @throws org.springframework.dao.DataAccessException if Redis failed
   */
  List<RecordId> appendAll(String stream, List<? extends Map<String, String>> entries) {
    int width = entries.get(0).size();
    List<String> args = new ArrayList<>(4 + 2 * width * entries.size());
    args.add(Long.toString(maxLength));
    args.add(atMaxLength);
    args.add(Double.toString(maxMemoryFill));
    args.add(Integer.toString(width));
    for (Map<String, String> fields : entries) {
      if (fields.size() != width) {
        throw new IllegalArgumentException("Entries appended together have the same fields");
      }
      fields.forEach(
          (field, value) -> {
            args.add(field);
            args.add(value);
          });
    }
    List<?> result = redis.execute(APPEND, List.of(stream), args.toArray());
    if (((Number) result.get(0)).longValue() == 1) {
      return result.subList(1, result.size()).stream()
          .map(id -> RecordId.of(String.valueOf(id)))
          .toList();
    }
    long first = ((Number) result.get(2)).longValue();
    long second = ((Number) result.get(3)).longValue();
    throw MAX_LENGTH.equals(result.get(1))
        ? StreamFull.atMaxLength(stream, first, second)
        : StreamFull.atMaxMemoryFill(first, second, maxMemoryFill);
  }
}
