package dev.ebayalerts.alerts.alert;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one address may use, so one person cannot spend everybody's eBay budget.
 *
 * @param maxAlertsPerAddress alerts one address may have
 * @param maxSearchesPerAddress different searches (phrase and filters) among them: alerts that
 *     differ only in frequency, rules or channels share a search and cost one
 * @param ebayCallsPerAddressPerDay eBay calls made for one address's searches per UTC day; beyond
 *     it the address's alerts wait for the next day (results another address's alert already
 *     fetched are still used: they cost nothing)
 */
@Validated
@ConfigurationProperties("alerts.fair-use")
public record FairUseSettings(
    @DefaultValue("25") @Min(1) int maxAlertsPerAddress,
    @DefaultValue("10") @Min(1) int maxSearchesPerAddress,
    @DefaultValue("1000") @Min(1) int ebayCallsPerAddressPerDay) {}
