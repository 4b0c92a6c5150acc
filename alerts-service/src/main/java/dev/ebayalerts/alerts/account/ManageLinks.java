package dev.ebayalerts.alerts.account;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Links in emails that lead people to their alerts.
 *
 * @param baseUrl where people reach this service (shared with the unsubscribe links)
 * @param dashboardUrl the "manage your alerts" link in every email; until the dashboard exists, the
 *     sign-in page of this service
 */
@Validated
@ConfigurationProperties("alerts.links")
public record ManageLinks(
    @DefaultValue("http://localhost:8080") @Pattern(regexp = "https?://\\S+") String baseUrl,
    @DefaultValue("http://localhost:8080/signin")
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String dashboardUrl) {

  public ManageLinks {
    baseUrl =
        baseUrl != null && baseUrl.endsWith("/")
            ? baseUrl.substring(0, baseUrl.length() - 1)
            : baseUrl;
  }

  String signInUrl(String token) {
    return baseUrl + "/signin?token=" + token;
  }

  String confirmUrl(String token) {
    return baseUrl + "/confirm?token=" + token;
  }
}
