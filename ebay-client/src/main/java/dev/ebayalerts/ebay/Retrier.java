package dev.ebayalerts.ebay;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation again after transient failures: exponential backoff with jitter, or exactly
 * what eBay's {@code Retry-After} asks for. A small loop rather than a retry library because the
 * wait depends on the failed answer.
 */
final class Retrier {

  private static final Logger log = LoggerFactory.getLogger(Retrier.class);

  private final EbayClientProperties.Retry settings;
  private final Sleeper sleeper;
  private final Clock clock;

  Retrier(EbayClientProperties.Retry settings, Sleeper sleeper, Clock clock) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** One try of an operation, which signals a failure worth retrying with {@link Transient}. */
  @FunctionalInterface
  interface Attempt<T> {
    T run() throws Transient;
  }

  <T> T run(String operation, Attempt<T> attempt) {
    for (int number = 1; ; number++) {
      Transient failure;
      try {
        return attempt.run();
      } catch (Transient caught) {
        failure = caught;
      }
      Duration retryAfter = failure.retryAfter(clock);
      if (retryAfter != null && retryAfter.compareTo(settings.maxRetryAfter()) > 0) {
        throw EbayUnavailable.retryAfterTooLong(
            operation, failure.status, retryAfter, failure.errors);
      }
      if (number >= settings.maxAttempts()) {
        throw EbayUnavailable.afterAttempts(
            operation, number, failure.status, retryAfter, failure.errors, failure.getCause());
      }
      Duration wait = retryAfter != null ? retryAfter : backoff(number);
      log.warn(
          "{} failed ({}), attempt {} of {}; retrying in {} ms",
          operation,
          failure.getMessage(),
          number,
          settings.maxAttempts(),
          wait.toMillis());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw EbayUnavailable.interrupted(operation, interrupted);
      }
    }
  }

  /** Equal jitter: half the exponential step for sure, the other half at random. */
  Duration backoff(int failedAttempts) {
    double step =
        settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), failedAttempts - 1);
    long capped = (long) Math.min(step, settings.maxBackoff().toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }

  /** A failed attempt that may succeed when tried again. */
  static final class Transient extends Exception {

    private final int status;
    private final String retryAfterHeader;
    private final List<EbayError> errors;

    private Transient(
        String message,
        int status,
        String retryAfterHeader,
        List<EbayError> errors,
        Throwable cause) {
      super(message, cause, false, false);
      this.status = status;
      this.retryAfterHeader = retryAfterHeader;
      this.errors = errors;
    }

    static Transient of(HttpAnswer answer, List<EbayError> errors) {
      return new Transient(
          "HTTP " + answer.status(), answer.status(), answer.retryAfter(), errors, null);
    }

    static Transient noAnswer(Exception cause) {
      return new Transient(cause.getClass().getSimpleName(), 0, null, List.of(), cause);
    }

    /** The wait eBay asked for, from seconds or an HTTP date; null if it did not say. */
    Duration retryAfter(Clock clock) {
      if (retryAfterHeader == null || retryAfterHeader.isBlank()) {
        return null;
      }
      String value = retryAfterHeader.trim();
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration until = Duration.between(clock.instant(), at.toInstant());
          return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException notADate) {
          return null;
        }
      }
    }
  }
}
