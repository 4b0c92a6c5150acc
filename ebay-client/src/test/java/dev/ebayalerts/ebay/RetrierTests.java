package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTests {

  private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final Retrier retrier =
      new Retrier(
          new EbayClientProperties.Retry(
              5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), Duration.ofSeconds(30)),
          sleeper,
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void backsOffExponentiallyWithJitterUpToTheCap() {
    for (int i = 0; i < 50; i++) {
      assertThat(retrier.backoff(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
      assertThat(retrier.backoff(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(retrier.backoff(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
      assertThat(retrier.backoff(9)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    }
  }

  @Test
  void readsRetryAfterGivenAsAnHttpDate() {
    AtomicInteger attempts = new AtomicInteger();

    String result =
        retrier.run(
            "test",
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw Retrier.Transient.of(
                    new HttpAnswer(503, "Mon, 02 Jun 2025 10:00:07 GMT", new byte[0]), List.of());
              }
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void ignoresRetryAfterItCannotRead() {
    AtomicInteger attempts = new AtomicInteger();

    retrier.run(
        "test",
        () -> {
          if (attempts.incrementAndGet() == 1) {
            throw Retrier.Transient.of(new HttpAnswer(429, "soon", new byte[0]), List.of());
          }
          return "done";
        });

    assertThat(sleeper.waits())
        .singleElement()
        .satisfies(
            wait -> assertThat(wait).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1)));
  }

  @Test
  void stopsWhenInterruptedWhileWaiting() {
    Retrier interrupted =
        new Retrier(
            new EbayClientProperties.Retry(
                3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), Duration.ofSeconds(30)),
            duration -> {
              throw new InterruptedException();
            },
            Clock.systemUTC());

    assertThatThrownBy(
            () ->
                interrupted.run(
                    "test",
                    () -> {
                      throw Retrier.Transient.noAnswer(new IOException("reset"));
                    }))
        .isInstanceOf(EbayUnavailable.class)
        .hasMessageContaining("interrupted");
    assertThat(Thread.interrupted()).isTrue();
  }
}
