package dev.ebayalerts.alerts.account;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Links in emails that lead people to their alerts.
 *
 * @param baseUrl where people reach this service (shared with the unsubscribe links)
 * @param dashboardUrl the dashboard (alerts-frontend): the "manage your alerts" link in every
 *     email, and where sign-in links lead (it exchanges the link's token for a session). An
 *     API-only deployment may point it at this service's own {@code /signin} page instead.
 */
@Validated
@ConfigurationProperties("alerts.links")
public record ManageLinks(
    @DefaultValue("http://localhost:8080") @Pattern(regexp = "https?://\\S+") String baseUrl,
    @DefaultValue("http://localhost:3000")
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String dashboardUrl) {

  public ManageLinks {
    baseUrl =
        baseUrl != null && baseUrl.endsWith("/")
            ? baseUrl.substring(0, baseUrl.length() - 1)
            : baseUrl;
  }

  String signInUrl(String token) {
    return dashboardUrl + (dashboardUrl.contains("?") ? "&" : "?") + "token=" + token;
  }

  String startUrl(String token) {
    return baseUrl + "/start?token=" + token;
  }
}
