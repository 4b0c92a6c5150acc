package dev.ebayalerts.alerts.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers for {@link SecuritySettings#sessionCheckCache()} that a session was found live, so that
 * a client calling the API many times a second costs one {@code session} lookup per interval
 * instead of one per request (it was one statement of the three or four each read made).
 *
 * <p>A session this instance ends is forgotten at once ({@link #forget}), so its token is refused
 * by the next request (only a request whose lookup was under way as it ended can bring it back, for
 * at most the interval). One ended elsewhere (another instance of the service, or by hand in the
 * database) may still be accepted here until the interval since the last lookup has passed: that
 * interval is the bound on how late a revocation is seen. Only live answers are kept: a refused
 * token is looked up again on every request, and the signature and expiry of a token are checked
 * before this, on every request.
 */
final class LiveSessions {

  /** Cleared when full: at worst every session is looked up again once. */
  private static final int MAX_ENTRIES = 10_000;

  private final Duration bound;
  private final Map<String, Instant> liveUntil = new ConcurrentHashMap<>();

  LiveSessions(Duration bound) {
    this.bound = bound;
  }

  /**
   * Whether the session with this token hash is live: remembered if it was found live less than the
   * bound ago, otherwise asked of {@code lookup}.
   */
  boolean isLive(String tokenHash, Instant now, Predicate<String> lookup) {
    Instant until = liveUntil.get(tokenHash);
    if (until != null && now.isBefore(until)) {
      return true;
    }
    boolean live = lookup.test(tokenHash);
    if (live && !bound.isZero() && !bound.isNegative()) {
      if (liveUntil.size() >= MAX_ENTRIES) {
        liveUntil.clear();
      }
      liveUntil.put(tokenHash, now.plus(bound));
    } else {
      liveUntil.remove(tokenHash);
    }
    return live;
  }

  /** The session ended here: its next request is looked up again. */
  void forget(String tokenHash) {
    liveUntil.remove(tokenHash);
  }
}
