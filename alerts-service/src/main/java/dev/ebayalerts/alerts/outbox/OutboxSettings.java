package dev.ebayalerts.alerts.outbox;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay's retry settings.
 *
 * @param retryInterval how often unpublished events are looked for
 * @param retryAfter how old an unpublished event must be before it is resubmitted
 */
@Validated
@ConfigurationProperties("alerts.outbox")
record OutboxSettings(
    @DefaultValue("10s") @NotNull Duration retryInterval,
    @DefaultValue("10s") @NotNull Duration retryAfter) {}
