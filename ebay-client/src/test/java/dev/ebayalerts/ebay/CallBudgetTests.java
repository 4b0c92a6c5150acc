package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebayalerts.testing.Redis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

class CallBudgetTests {

  private final StringRedisTemplate redis = Redis.forTests().template();

  @BeforeEach
  void emptyRedis() {
    Redis.forTests().flush();
  }

  @Test
  void neverLetsInstancesTogetherOvershootTheBudget() throws Exception {
    Clock clock = Clock.systemUTC();
    List<Callable<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // Each call through its own CallBudget, as separate instances would.
      CallBudget instance = new CallBudget(redis, "budget-test", 25, clock);
      calls.add(
          () -> {
            try {
              instance.takeOne();
              return true;
            } catch (EbayBudgetExhausted refused) {
              return false;
            }
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long granted;
    try {
      granted = 0;
      for (Future<Boolean> call : pool.invokeAll(calls)) {
        granted += call.get() ? 1 : 0;
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(granted).isEqualTo(25);
    assertThat(new CallBudget(redis, "budget-test", 25, clock).status().used()).isEqualTo(25);
  }

  @Test
  void startsAgainAtMidnightUtcAndForgetsOldDays() {
    Instant lateEvening = Instant.parse("2025-06-02T23:59:00Z");
    CallBudget today =
        new CallBudget(redis, "budget-test", 1, Clock.fixed(lateEvening, ZoneOffset.UTC));
    today.takeOne();

    assertThatThrownBy(today::takeOne)
        .isInstanceOf(EbayBudgetExhausted.class)
        .hasMessageContaining("2025-06-03T00:00:00Z");
    CallBudget tomorrow =
        new CallBudget(
            redis, "budget-test", 1, Clock.fixed(lateEvening.plusSeconds(120), ZoneOffset.UTC));
    tomorrow.takeOne();
    assertThat(tomorrow.status())
        .isEqualTo(new BudgetStatus(1, 1, Instant.parse("2025-06-04T00:00:00Z")));
    Long ttl = redis.getExpire(today.key(LocalDate.parse("2025-06-02")));
    assertThat(ttl).isBetween(Duration.ofDays(1).toSeconds(), Duration.ofDays(2).toSeconds());
  }
}
