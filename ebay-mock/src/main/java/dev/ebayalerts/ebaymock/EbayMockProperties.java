package dev.ebayalerts.ebaymock;

import dev.ebayalerts.ebaymock.faults.FaultSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the mock, bound to {@code ebay-mock.*}.
 *
 * @param clientId the only client id the token endpoint accepts ({@code mock-client-id})
 * @param clientSecret the secret that goes with {@code clientId} ({@code mock-client-secret})
 * @param tokenLifetime how long issued tokens live; 10 minutes by default (eBay's live 2 hours) so
 *     that clients exercise refreshing
 * @param newListingsPerHour average number of listings that appear per hour for an ordinary query
 *     on a site (24 by default; each query is between half and twice as busy), so a search run
 *     every few minutes finds something new most times. Sellers revise fixed prices about every
 *     three days each and auction bids rise towards the end, whatever this is.
 * @param fixedTime when set, the mock's clock stands still at this instant (until advanced through
 *     {@code POST /admin/clock}), which makes responses reproducible; unset, it runs on the real
 *     clock
 * @param publicUrl the address browsers reach the mock at, e.g. {@code http://localhost:8090}, for
 *     the picture links in search answers; unset, each answer uses the scheme, host and port its
 *     request came to. Set it when clients reach the mock under a name browsers cannot (in
 *     docker-compose, {@code http://ebay-mock:8090})
 * @param faults faults injected from startup; {@code DELETE /admin/faults} returns to these
 */
@Validated
@ConfigurationProperties("ebay-mock")
public record EbayMockProperties(
    @DefaultValue("mock-client-id") @NotBlank String clientId,
    @DefaultValue("mock-client-secret") @NotBlank String clientSecret,
    @DefaultValue("10m") @NotNull Duration tokenLifetime,
    @DefaultValue("24") @DecimalMin("0.1") double newListingsPerHour,
    Instant fixedTime,
    @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?", message = "must be an http(s) address")
        String publicUrl,
    @DefaultValue @Valid FaultSettings faults) {

  @Override
  public String toString() {
    // The mock's secret is public knowledge, but keeping secrets out of toString is a good habit.
    return ("EbayMockProperties[clientId=%s, tokenLifetime=%s, newListingsPerHour=%s,"
            + " fixedTime=%s, publicUrl=%s, faults=%s]")
        .formatted(clientId, tokenLifetime, newListingsPerHour, fixedTime, publicUrl, faults);
  }
}
