package dev.ebayalerts.alerts.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The delivery schedule's clock in tests (bean {@code scheduleClock}; only the digests use it,
 * every other bean keeps the service's clock): it follows the system clock until a test sets it, so
 * a test can place runs and slots on a daylight saving change and move across them.
 */
public final class ScheduleClock extends Clock {

  private volatile Instant fixed;

  /** From now on the clock stands at {@code instant}. */
  public void set(Instant instant) {
    fixed = instant;
  }

  /** Back to the system clock. */
  public void reset() {
    fixed = null;
  }

  @Override
  public Instant instant() {
    Instant now = fixed;
    return now == null ? Instant.now() : now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The schedule clock is in UTC");
  }
}
