package dev.ebayalerts.analytics.digest;

import dev.ebayalerts.pubsub.security.StrongSecret;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Links in insight emails lead to alerts-service, so these are alerts-service's own settings
 * ({@code alerts.links.*}, environment {@code ALERTS_BASE_URL} and {@code ALERTS_LINK_SECRET}), set
 * to the same values in both services.
 *
 * @param baseUrl where people reach alerts-service, e.g. {@code https://alerts.example.com}
 * @param secret alerts-service's link secret: it checks the signature of every unsubscribe link
 */
@Validated
@ConfigurationProperties("alerts.links")
record LinkSettings(
    @DefaultValue("http://localhost:8080")
        @Pattern(
            regexp = "https?://\\S+",
            message = "must be an http(s) URL such as https://alerts.example.com")
        String baseUrl,
    @StrongSecret(variable = "ALERTS_LINK_SECRET") String secret) {

  LinkSettings {
    baseUrl =
        baseUrl != null && baseUrl.endsWith("/")
            ? baseUrl.substring(0, baseUrl.length() - 1)
            : baseUrl;
  }
}
