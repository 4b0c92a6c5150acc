package dev.ebayalerts.alerts.notifier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notices of the outbox (every channel but email) are sent.
 *
 * @param pollInterval how often due notices are looked for
 * @param batchSize at most this many notices are sent per poll and instance
 * @param backoff the wait after a channel's first failed delivery; it doubles with each further one
 * @param maxBackoff the longest wait between two attempts
 * @param maxFailures a channel whose deliveries failed this many times in a row is disabled
 * @param connectTimeout how long a channel's server may take to accept a connection
 * @param readTimeout how long it may take to answer; a notice row stays locked meanwhile
 */
@Validated
@ConfigurationProperties("alerts.notifier")
record NotifierSettings(
    @DefaultValue("5s") @NotNull Duration pollInterval,
    @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
    @DefaultValue("30s") @NotNull Duration backoff,
    @DefaultValue("1h") @NotNull Duration maxBackoff,
    @DefaultValue("10") @Min(1) int maxFailures,
    @DefaultValue("5s") @NotNull Duration connectTimeout,
    @DefaultValue("10s") @NotNull Duration readTimeout) {}
