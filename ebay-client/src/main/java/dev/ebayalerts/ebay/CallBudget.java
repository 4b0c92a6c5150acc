package dev.ebayalerts.ebay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The daily Browse API call budget, counted in Redis per UTC day so that all instances share it. A
 * call is counted before it is made and refused once the day's budget is spent, so eBay's own quota
 * is never the one that stops us.
 */
final class CallBudget {

  // Check and count in one step, so concurrent instances cannot overshoot the budget together.
  private static final RedisScript<Long> TAKE_ONE =
      RedisScript.of(
          """
          local used = tonumber(redis.call('GET', KEYS[1]) or '0')
          if used >= tonumber(ARGV[1]) then
            return -1
          end
          used = redis.call('INCR', KEYS[1])
          if used == 1 then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
          end
          return used
          """,
          Long.class);

  // Yesterday's count stays readable for a day after it stops mattering.
  private static final Duration KEEP_COUNT = Duration.ofDays(2);

  private final StringRedisTemplate redis;
  private final String keyPrefix;
  private final long dailyBudget;
  private final Clock clock;

  CallBudget(StringRedisTemplate redis, String keyPrefix, long dailyBudget, Clock clock) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    this.dailyBudget = dailyBudget;
    this.clock = clock;
  }

  /**
   * Counts one call.
   *
   * @throws EbayBudgetExhausted when today's budget is spent
   */
  void takeOne() {
    Long used =
        redis.execute(
            TAKE_ONE,
            List.of(key(today())),
            String.valueOf(dailyBudget),
            String.valueOf(KEEP_COUNT.toMillis()));
    if (used == null || used < 0) {
      throw EbayBudgetExhausted.of(dailyBudget, resetsAt());
    }
  }

  BudgetStatus status() {
    String used = redis.opsForValue().get(key(today()));
    return new BudgetStatus(used == null ? 0 : Long.parseLong(used), dailyBudget, resetsAt());
  }

  String key(LocalDate day) {
    return keyPrefix + ":" + day;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private Instant resetsAt() {
    return today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
