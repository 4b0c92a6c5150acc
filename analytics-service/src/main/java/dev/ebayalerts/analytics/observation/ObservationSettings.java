package dev.ebayalerts.analytics.observation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long observations are kept, and their daily partitions.
 *
 * @param retention observations (and the ids of processed events) older than this are removed; must
 *     cover the insight window (14 days) with room to spare
 * @param retentionCheck how often the retention job runs
 * @param partitionsAhead daily partitions are kept ready from today to this many days ahead, so an
 *     outage of the upkeep (or of every instance) shorter than that sends no row into the default
 *     partition
 * @param partitionCheck how often the partitions ahead are checked (and at start)
 */
@Validated
@ConfigurationProperties("analytics")
record ObservationSettings(
    @DefaultValue("30d") @NotNull @DurationMin(days = 15) Duration retention,
    @DefaultValue("1h") @NotNull Duration retentionCheck,
    @DefaultValue("7") @Min(1) @Max(60) int partitionsAhead,
    @DefaultValue("1h") @NotNull @DurationMin(minutes = 1) Duration partitionCheck) {}
