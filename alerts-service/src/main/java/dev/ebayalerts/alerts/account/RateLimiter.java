package dev.ebayalerts.alerts.account;

import dev.ebayalerts.alerts.web.TooManyRequests;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * In-memory token buckets (Bucket4j) per client IP and per email address. The map is bounded (least
 * recently used buckets are dropped), so a flood of distinct keys cannot exhaust memory.
 */
@Component
public class RateLimiter {

  private static final int MAX_BUCKETS = 100_000;

  private final RateLimitSettings settings;
  private final TimeMeter time;
  private final Map<String, Bucket> buckets =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_BUCKETS;
        }
      };

  RateLimiter(RateLimitSettings settings, Clock clock) {
    this.settings = settings;
    this.time =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
  }

  /** Counts an alert creation; throws {@link TooManyRequests} when a limit is reached. */
  public void alertCreation(String ip, String email) {
    take("create-ip:" + ip, settings.alertCreationsPerIp());
    take("create-address:" + normalise(email), settings.alertCreationsPerAddress());
  }

  /**
   * Counts an alert created without a session, which emails the address a request to start it;
   * throws {@link TooManyRequests} when the address had its share. The same for every address, so
   * the answer says nothing about whether it has alerts.
   */
  public void startRequest(String email) {
    take("start-address:" + normalise(email), settings.startRequestsPerAddress());
  }

  /**
   * Counts a category suggestion that costs an eBay call; throws {@link TooManyRequests} when the
   * address had its share.
   */
  public void categorySuggestion(String email) {
    take("categories-address:" + normalise(email), settings.categorySuggestionsPerAddress());
  }

  /** Counts a sign-in link request; throws {@link TooManyRequests} when a limit is reached. */
  public void signInLink(String ip, String email) {
    take("link-ip:" + ip, settings.signInLinksPerIp());
    take("link-address:" + normalise(email), settings.signInLinksPerAddress());
  }

  /** Whether a bucket is kept for this key, e.g. {@code link-ip:203.0.113.7}. */
  boolean counts(String key) {
    synchronized (buckets) {
      return buckets.containsKey(key);
    }
  }

  private void take(String key, int capacity) {
    Bucket bucket;
    synchronized (buckets) {
      bucket = buckets.computeIfAbsent(key, k -> newBucket(capacity));
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw TooManyRequests.retryAfter(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  private Bucket newBucket(int capacity) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, settings.window()))
        .withCustomTimePrecision(time)
        .build();
  }

  private static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
