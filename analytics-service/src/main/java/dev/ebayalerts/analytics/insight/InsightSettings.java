package dev.ebayalerts.analytics.insight;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param window how far back insights look (at most the observation retention)
 * @param topListings how many listings each list (drops, lowest, deals) holds
 * @param stillListedWithin a listing seen within this long counts as still listed
 * @param parallelism how many batches of alerts are computed at once (each holds a database
 *     connection while it runs); about the database's cores
 */
@Validated
@ConfigurationProperties("analytics.insights")
record InsightSettings(
    @DefaultValue("14d") @NotNull @DurationMin(days = 1) @DurationMax(days = 30) Duration window,
    @DefaultValue("5") @Min(1) @Max(50) int topListings,
    @DefaultValue("1d") @NotNull Duration stillListedWithin,
    @DefaultValue("2") @Min(1) @Max(16) int parallelism) {}
