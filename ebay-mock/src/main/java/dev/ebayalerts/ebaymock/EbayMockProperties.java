package dev.ebayalerts.ebaymock;

import dev.ebayalerts.ebaymock.faults.FaultSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the mock, bound to {@code ebay-mock.*}.
 *
 * @param clientId the only client id the token endpoint accepts
 * @param clientSecret the secret that goes with {@code clientId}
 * @param tokenLifetime how long issued tokens live; short by default (eBay's are 2 hours) so that
 *     clients exercise refreshing
 * @param newListingsPerHour average number of listings that appear per hour for an ordinary query
 * @param fixedTime when set, the mock's clock stands still at this instant (until advanced through
 *     {@code POST /admin/clock}), which makes responses reproducible
 * @param faults faults injected from startup; {@code DELETE /admin/faults} returns to these
 */
@Validated
@ConfigurationProperties("ebay-mock")
public record EbayMockProperties(
    @DefaultValue("mock-client-id") @NotBlank String clientId,
    @DefaultValue("mock-client-secret") @NotBlank String clientSecret,
    @DefaultValue("10m") @NotNull Duration tokenLifetime,
    @DefaultValue("6") @DecimalMin("0.1") double newListingsPerHour,
    Instant fixedTime,
    @DefaultValue @Valid FaultSettings faults) {

  @Override
  public String toString() {
    // The mock's secret is public knowledge, but keeping secrets out of toString is a good habit.
    return "EbayMockProperties[clientId=%s, tokenLifetime=%s, newListingsPerHour=%s, fixedTime=%s, faults=%s]"
        .formatted(clientId, tokenLifetime, newListingsPerHour, fixedTime, faults);
  }
}
