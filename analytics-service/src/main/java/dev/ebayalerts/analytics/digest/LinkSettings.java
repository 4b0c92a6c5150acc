package dev.ebayalerts.analytics.digest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
    @NotBlank(
            message =
                "must be set (ALERTS_LINK_SECRET) to alerts-service's link secret: insight emails"
                    + " carry unsubscribe links that alerts-service checks")
        @Size(min = 32, message = "must be at least 32 characters: it signs unsubscribe links")
        String secret) {

  LinkSettings {
    baseUrl =
        baseUrl != null && baseUrl.endsWith("/")
            ? baseUrl.substring(0, baseUrl.length() - 1)
            : baseUrl;
  }
}
