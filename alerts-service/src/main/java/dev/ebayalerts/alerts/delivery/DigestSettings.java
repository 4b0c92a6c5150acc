package dev.ebayalerts.alerts.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How digests (one email per slot of an address's HOURLY or DAILY schedule) are folded.
 *
 * @param tick how often due digests are looked for; a slot's email goes out at most this late
 * @param maxListings at most this many listings per digest email; the rest goes in the next one,
 *     folded at the following tick (a single run's share is never split, and is at most the fetch
 *     limit)
 * @param addressesPerTick digests folded per tick and instance; the rest waits for the next tick
 * @param maxAge what waited longer than this is dropped (e.g. for an alert paused for a week)
 */
@Validated
@ConfigurationProperties("alerts.digest")
record DigestSettings(
    @DefaultValue("30s") @NotNull Duration tick,
    @DefaultValue("100") @Min(1) @Max(1000) int maxListings,
    @DefaultValue("200") @Min(1) @Max(10000) int addressesPerTick,
    @DefaultValue("7d") @NotNull Duration maxAge) {}
