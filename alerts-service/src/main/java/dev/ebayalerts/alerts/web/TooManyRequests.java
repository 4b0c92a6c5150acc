package dev.ebayalerts.alerts.web;

import java.time.Duration;

/** A rate limit was reached; the client may try again after {@link #retryAfter()}. */
public class TooManyRequests extends RuntimeException {

  private final Duration retryAfter;

  private TooManyRequests(Duration retryAfter) {
    super("Too many requests; retry after " + retryAfter);
    this.retryAfter = retryAfter;
  }

  public static TooManyRequests retryAfter(Duration wait) {
    return new TooManyRequests(wait);
  }

  /** Whole seconds, at least 1, as Retry-After wants. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
