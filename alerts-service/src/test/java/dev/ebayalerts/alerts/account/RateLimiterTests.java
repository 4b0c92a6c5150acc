package dev.ebayalerts.alerts.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebayalerts.alerts.web.TooManyRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final RateLimiter limiter =
      new RateLimiter(new RateLimitSettings(Duration.ofMinutes(10), 100, 2, 100, 2, 2, 100), clock);

  @Test
  void tripsPerAddressAndRecoversAsTheBucketRefills() {
    limiter.alertCreation("10.0.0.1", "jane@example.com");
    limiter.alertCreation("10.0.0.2", "Jane@Example.com ");

    assertThatThrownBy(() -> limiter.alertCreation("10.0.0.3", "jane@example.com"))
        .isInstanceOfSatisfying(
            TooManyRequests.class, e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 300L));
    limiter.alertCreation("10.0.0.3", "bob@example.com");

    clock.advance(Duration.ofMinutes(5));
    limiter.alertCreation("10.0.0.3", "jane@example.com");
    assertThatThrownBy(() -> limiter.alertCreation("10.0.0.3", "jane@example.com"))
        .isInstanceOf(TooManyRequests.class);
  }

  @Test
  void tripsPerIpAcrossAddresses() {
    RateLimiter perIp =
        new RateLimiter(
            new RateLimitSettings(Duration.ofMinutes(10), 100, 100, 2, 100, 100, 100), clock);
    perIp.signInLink("10.0.0.9", "a@example.com");
    perIp.signInLink("10.0.0.9", "b@example.com");

    assertThatThrownBy(() -> perIp.signInLink("10.0.0.9", "c@example.com"))
        .isInstanceOf(TooManyRequests.class);
    perIp.signInLink("10.0.0.10", "c@example.com");
    clock.advance(Duration.ofMinutes(10));
    perIp.signInLink("10.0.0.9", "c@example.com");
  }

  /** A stranger can make an address receive only a few requests to start an alert. */
  @Test
  void limitsTheStartRequestsOneAddressReceives() {
    RateLimiter limiter =
        new RateLimiter(
            new RateLimitSettings(Duration.ofHours(1), 100, 100, 100, 100, 3, 100), clock);
    for (int i = 0; i < 3; i++) {
      limiter.startRequest("Victim@example.com");
    }

    assertThatThrownBy(() -> limiter.startRequest("victim@example.com"))
        .isInstanceOf(TooManyRequests.class);
    limiter.startRequest("someone-else@example.com");
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
