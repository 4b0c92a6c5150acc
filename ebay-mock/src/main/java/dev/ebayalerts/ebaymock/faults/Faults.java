package dev.ebayalerts.ebaymock.faults;

import dev.ebayalerts.ebaymock.EbayMockProperties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The faults in force, consumed search by search. */
@Component
public class Faults {

  private final FaultSettings configured;
  private final AtomicReference<FaultSettings> settings = new AtomicReference<>();
  private final AtomicInteger expiredTokens = new AtomicInteger();
  private final AtomicInteger rateLimits = new AtomicInteger();
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger malformed = new AtomicInteger();

  Faults(EbayMockProperties properties) {
    this.configured = properties.faults();
    apply(configured);
  }

  /** Replaces the faults in force. */
  public synchronized void apply(FaultSettings next) {
    settings.set(next);
    expiredTokens.set(next.expiredTokenCount());
    rateLimits.set(next.rateLimitCount());
    serverErrors.set(next.serverErrorCount());
    malformed.set(next.malformedCount());
  }

  /** Returns to the faults configured at startup (none, unless configured). */
  public void reset() {
    apply(configured);
  }

  /** The faults in force, with the counts of faults still to come. */
  public FaultSettings current() {
    FaultSettings s = settings.get();
    return new FaultSettings(
        s.latencyMs(),
        expiredTokens.get(),
        rateLimits.get(),
        s.retryAfterSeconds(),
        serverErrors.get(),
        malformed.get(),
        s.incompleteItemsEvery());
  }

  public long latencyMs() {
    return settings.get().latencyMs();
  }

  public int retryAfterSeconds() {
    return settings.get().retryAfterSeconds();
  }

  public int incompleteItemsEvery() {
    return settings.get().incompleteItemsEvery();
  }

  public boolean takeExpiredToken() {
    return take(expiredTokens);
  }

  public boolean takeRateLimit() {
    return take(rateLimits);
  }

  public boolean takeServerError() {
    return take(serverErrors);
  }

  public boolean takeMalformed() {
    return take(malformed);
  }

  private static boolean take(AtomicInteger remaining) {
    int before = remaining.getAndUpdate(n -> n > 0 ? n - 1 : n);
    return before > 0 || before == FaultSettings.ALWAYS;
  }
}
