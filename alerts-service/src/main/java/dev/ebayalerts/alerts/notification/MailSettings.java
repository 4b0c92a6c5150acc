package dev.ebayalerts.alerts.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How alert emails are sent.
 *
 * @param from the sender, e.g. {@code ebay-alerts <alerts@example.com>}; its domain also names the
 *     emails' Message-IDs
 * @param pollInterval how often emails that are due are looked for
 * @param batchSize at most this many emails are sent per poll and instance, so one poll never holds
 *     the shared scheduling thread for long
 * @param maxAttempts after this many failed attempts an email is given up (status FAILED)
 * @param backoff the wait after the first failed attempt; it doubles with each further failure
 * @param maxBackoff the longest wait between two attempts
 */
@Validated
@ConfigurationProperties("alerts.mail")
public record MailSettings(
    @DefaultValue("ebay-alerts <alerts@localhost>") @NotBlank String from,
    @DefaultValue("5s") @NotNull Duration pollInterval,
    @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
    @DefaultValue("10") @Min(1) int maxAttempts,
    @DefaultValue("30s") @NotNull Duration backoff,
    @DefaultValue("1h") @NotNull Duration maxBackoff) {}
