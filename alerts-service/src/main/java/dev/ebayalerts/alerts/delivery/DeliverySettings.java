package dev.ebayalerts.alerts.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the delivery outbox is sent, retried and cleaned up.
 *
 * @param pollInterval how often each sender looks for due deliveries
 * @param emailSenders threads sending email (the mail server is one peer: a few suffice)
 * @param httpSenders threads sending webhook, Discord, Slack and Telegram messages; a slow endpoint
 *     holds one of them for at most {@link #timeout}, and never an email sender
 * @param batchSize at most this many deliveries per poll and sender thread
 * @param backoff the wait after a channel's first failed attempt; it doubles with each further one
 * @param maxBackoff the longest wait between two quick attempts
 * @param maxAttempts after this many failed attempts a delivery is parked
 * @param parkedRetry how often a parked delivery is tried again, for as long as its channel exists
 * @param connectTimeout how long a channel's server may take to accept a connection
 * @param timeout how long a whole HTTP delivery may take, connection and answer included; slower
 *     counts as a failure
 * @param maxResponseBytes the most of a channel's answer that is read (only its status is used)
 * @param keep deliveries done (sent, cancelled, dropped) longer ago than this are deleted, and the
 *     notices beyond the newest {@code feedNotices} of each alert; parked ones are kept
 * @param feedNotices notices of each alert kept whatever their age (what its Atom feed shows)
 * @param purgeInterval how often the clean-up runs
 * @param purgeBatch rows deleted per statement, so the clean-up never holds long locks
 */
@Validated
@ConfigurationProperties("alerts.delivery")
record DeliverySettings(
    @DefaultValue("5s") @NotNull Duration pollInterval,
    @DefaultValue("2") @Min(1) @Max(16) int emailSenders,
    @DefaultValue("4") @Min(1) @Max(64) int httpSenders,
    @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
    @DefaultValue("30s") @NotNull Duration backoff,
    @DefaultValue("1h") @NotNull Duration maxBackoff,
    @DefaultValue("10") @Min(1) int maxAttempts,
    @DefaultValue("1h") @NotNull Duration parkedRetry,
    @DefaultValue("3s") @NotNull Duration connectTimeout,
    @DefaultValue("5s") @NotNull Duration timeout,
    @DefaultValue("4096") @Min(0) @Max(1048576) int maxResponseBytes,
    @DefaultValue("30d") @NotNull Duration keep,
    @DefaultValue("100") @Min(1) int feedNotices,
    @DefaultValue("1h") @NotNull Duration purgeInterval,
    @DefaultValue("1000") @Min(1) @Max(100000) int purgeBatch) {}
