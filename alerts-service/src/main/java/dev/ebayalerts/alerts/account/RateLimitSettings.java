package dev.ebayalerts.alerts.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Requests allowed per {@code window}, per client IP and per email address. Buckets live in each
 * instance's memory: with several instances the limits apply per instance.
 *
 * @param window the period each limit counts over (refilled gradually)
 * @param alertCreationsPerIp alerts one IP may create per window
 * @param alertCreationsPerAddress alerts that may be created for one address per window
 * @param signInLinksPerIp sign-in links one IP may ask for per window
 * @param signInLinksPerAddress sign-in links that may be sent to one address per window
 * @param startRequestsPerAddress alerts created without a session for one address per window: each
 *     emails the address, so this is what a stranger can make it receive
 * @param categorySuggestionsPerAddress category suggestions one signed-in address may ask for per
 *     window that are not answered from the hour's cache: each costs an eBay call
 */
@Validated
@ConfigurationProperties("alerts.rate-limit")
record RateLimitSettings(
    @DefaultValue("1h") @NotNull Duration window,
    @DefaultValue("30") @Min(1) int alertCreationsPerIp,
    @DefaultValue("10") @Min(1) int alertCreationsPerAddress,
    @DefaultValue("20") @Min(1) int signInLinksPerIp,
    @DefaultValue("5") @Min(1) int signInLinksPerAddress,
    @DefaultValue("3") @Min(1) int startRequestsPerAddress,
    @DefaultValue("60") @Min(1) int categorySuggestionsPerAddress) {}
