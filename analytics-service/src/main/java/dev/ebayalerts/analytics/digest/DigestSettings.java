package dev.ebayalerts.analytics.digest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Insight emails: how often digests are generated and how they are sent.
 *
 * @param enabled whether digests are generated on schedule (tests generate them directly); digests
 *     already stored are sent either way
 * @param interval how often each recipient's digest is considered; one is stored only when its
 *     figures changed since the last one
 * @param from the sender, e.g. {@code ebay-alerts <alerts@example.com>}; its domain also names the
 *     emails' Message-IDs
 * @param pollInterval how often digests that are due are looked for
 * @param batchSize at most this many digests are sent per poll and instance, so one poll never
 *     holds the shared scheduling thread for long
 * @param maxAttempts after this many failed attempts a digest is parked, never given up
 * @param backoff the wait after the first failed attempt; it doubles with each further failure
 * @param maxBackoff the longest wait between two quick attempts
 * @param parkedRetry how often a parked digest is tried again, until it goes out or none of its
 *     alerts is active any more; at least {@code maxBackoff}
 * @param keep sent and cancelled digests are deleted after this long; unsent (pending or parked)
 *     ones are kept whatever their age
 */
@Validated
@ConfigurationProperties("analytics.digest")
record DigestSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("30m") @NotNull @DurationMin(minutes = 1) Duration interval,
    @DefaultValue("ebay-alerts <alerts@localhost>") @NotBlank String from,
    @DefaultValue("5s") @NotNull Duration pollInterval,
    @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
    @DefaultValue("10") @Min(1) int maxAttempts,
    @DefaultValue("30s") @NotNull Duration backoff,
    @DefaultValue("1h") @NotNull Duration maxBackoff,
    @DefaultValue("1h") @NotNull Duration parkedRetry,
    @DefaultValue("30d") @NotNull @DurationMin(days = 1) Duration keep) {

  /** A parked digest is the one retried slowly: never sooner than the quick retries. */
  @AssertTrue(
      message = "analytics.digest.parked-retry must be at least analytics.digest.max-backoff")
  boolean isParkedRetryAtLeastMaxBackoff() {
    return parkedRetry == null || maxBackoff == null || parkedRetry.compareTo(maxBackoff) >= 0;
  }
}
