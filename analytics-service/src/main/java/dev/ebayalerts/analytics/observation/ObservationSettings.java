package dev.ebayalerts.analytics.observation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long observations are kept.
 *
 * @param retention observations (and the ids of processed events) older than this are deleted; must
 *     cover the insight window (14 days) with room to spare
 * @param retentionCheck how often the retention job runs
 */
@Validated
@ConfigurationProperties("analytics")
record ObservationSettings(
    @DefaultValue("30d") @NotNull @DurationMin(days = 15) Duration retention,
    @DefaultValue("1h") @NotNull Duration retentionCheck) {}
