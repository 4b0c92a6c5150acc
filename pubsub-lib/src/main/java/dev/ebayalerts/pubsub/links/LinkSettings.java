package dev.ebayalerts.pubsub.links;

import dev.ebayalerts.pubsub.security.StrongSecret;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where links in emails lead: alerts-service, whichever service sent the email (alerts-service's
 * alert emails, analytics-service's insight emails). One setting for both services ({@code
 * alerts.links.*}, environment {@code ALERTS_BASE_URL} and {@code ALERTS_LINK_SECRET}), so a link
 * one service makes is a link the other reads.
 *
 * @param baseUrl where people reach alerts-service, e.g. {@code https://alerts.example.com}; a
 *     trailing slash is dropped
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
