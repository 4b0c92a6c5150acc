package dev.ebayalerts.ebay;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * eBay gave no usable answer: it could not be reached, timed out, rate-limited or failed (429, 5xx)
 * beyond the configured retries, or sent a body that could not be read. Trying again later may
 * succeed.
 */
public final class EbayUnavailable extends EbayException {

  private final int lastStatus;
  private final Duration retryAfter;
  private final List<EbayError> errors;

  private EbayUnavailable(
      String message,
      int lastStatus,
      Duration retryAfter,
      List<EbayError> errors,
      Throwable cause) {
    super(message, cause);
    this.lastStatus = lastStatus;
    this.retryAfter = retryAfter;
    this.errors = List.copyOf(errors);
  }

  static EbayUnavailable afterAttempts(
      String operation,
      int attempts,
      int lastStatus,
      Duration retryAfter,
      List<EbayError> errors,
      Throwable cause) {
    return new EbayUnavailable(
        "%s failed after %d attempt(s)%s"
            .formatted(operation, attempts, lastStatus > 0 ? ", last HTTP " + lastStatus : ""),
        lastStatus,
        retryAfter,
        errors,
        cause);
  }

  static EbayUnavailable retryAfterTooLong(
      String operation, int status, Duration retryAfter, List<EbayError> errors) {
    return new EbayUnavailable(
        "%s answered HTTP %d and asked to wait %s, longer than the client waits"
            .formatted(operation, status, retryAfter),
        status,
        retryAfter,
        errors,
        null);
  }

  static EbayUnavailable unreadable(String operation, int status, Throwable cause) {
    return new EbayUnavailable(
        "%s answered HTTP %d with a body that could not be read".formatted(operation, status),
        status,
        null,
        List.of(),
        cause);
  }

  static EbayUnavailable redisUnavailable(Throwable cause) {
    return new EbayUnavailable(
        "Redis, which holds the eBay token and call budget, is unavailable",
        0,
        null,
        List.of(),
        cause);
  }

  static EbayUnavailable interrupted(String operation, InterruptedException cause) {
    return new EbayUnavailable(
        operation + " was interrupted while waiting", 0, null, List.of(), cause);
  }

  static EbayUnavailable tokenLockTimeout(Duration waited) {
    return new EbayUnavailable(
        "Waited %s for another instance to fetch an eBay token".formatted(waited),
        0,
        null,
        List.of(),
        null);
  }

  /** The HTTP status of the last answer, or 0 if the last attempt got none (e.g. a timeout). */
  public int lastStatus() {
    return lastStatus;
  }

  /** How long eBay asked to wait (its {@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** eBay's errors from the last answer, if it sent any. */
  public List<EbayError> errors() {
    return errors;
  }
}
