package dev.ebayalerts.alerts.channel;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where user-supplied channel URLs (webhooks, Discord, Slack) may point.
 *
 * @param allowedHosts host names the operator trusts: any address and port is allowed for them (a
 *     self-hoster's LAN webhook, or the test stub); matched case-insensitively and exactly
 * @param allowPrivate whether private, loopback and link-local addresses and non-default ports are
 *     allowed for every host (a server that only its owner uses, on a home network). Cloud metadata
 *     addresses stay refused even then.
 */
@Validated
@ConfigurationProperties("alerts.channels")
public record ChannelSettings(
    @DefaultValue("") @NotNull List<String> allowedHosts,
    @DefaultValue("false") boolean allowPrivate) {

  public ChannelSettings {
    allowedHosts =
        allowedHosts.stream()
            .map(String::strip)
            .filter(h -> !h.isEmpty())
            .map(h -> h.toLowerCase(Locale.ROOT))
            .toList();
  }

  boolean allowed(String host) {
    return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
  }
}
