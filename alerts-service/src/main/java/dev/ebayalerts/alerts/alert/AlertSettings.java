package dev.ebayalerts.alerts.alert;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the alerts feature.
 *
 * @param frequencies the check frequencies, in minutes, that a person may choose for an alert
 * @param pendingTtl an alert created without a session and not started within this long is deleted
 *     (its start link has expired by then)
 */
@Validated
@ConfigurationProperties("alerts")
record AlertSettings(
    @DefaultValue({"2", "10", "30"}) @NotEmpty List<@Positive Integer> frequencies,
    @DefaultValue("2d") @NotNull Duration pendingTtl) {

  AlertSettings {
    frequencies = frequencies.stream().distinct().sorted().toList();
  }

  boolean allows(int frequencyMinutes) {
    return frequencies.contains(frequencyMinutes);
  }
}
