package dev.ebayalerts.ebaymock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mock's notion of now: the system clock, or a fixed instant, shifted by an offset that the
 * admin endpoint can advance so that callers see time pass (new listings, ended auctions, moved
 * prices) without waiting.
 */
public final class MockClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public MockClock(Clock base) {
    this.base = base;
  }

  /** Moves the clock forward (or back, for a negative amount). */
  public void advance(Duration amount) {
    offset.accumulateAndGet(amount, Duration::plus);
  }

  /** Undoes every {@link #advance}. */
  public void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the mock clock is always UTC");
  }
}
