package dev.ebayalerts.alerts.consent;

import dev.ebayalerts.pubsub.security.StrongSecret;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Links in emails back to this service.
 *
 * @param baseUrl where people reach this service, e.g. {@code https://alerts.example.com}
 * @param secret signs the links (HMAC-SHA256), so an alert id alone cannot pause an alert. Changing
 *     it invalidates the links in every email already sent.
 */
@Validated
@ConfigurationProperties("alerts.links")
public record LinkSettings(
    @DefaultValue("http://localhost:8080")
        @Pattern(
            regexp = "https?://\\S+",
            message = "must be an http(s) URL such as https://alerts.example.com")
        String baseUrl,
    @StrongSecret(variable = "ALERTS_LINK_SECRET") String secret) {

  public LinkSettings {
    baseUrl =
        baseUrl != null && baseUrl.endsWith("/")
            ? baseUrl.substring(0, baseUrl.length() - 1)
            : baseUrl;
  }
}
