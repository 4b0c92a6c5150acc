package dev.ebayalerts.analytics.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read an alert's insights: people are signed in by alerts-service, so these are the same
 * secrets as alerts-service's ({@code ALERTS_SESSION_SECRET}, {@code ALERTS_OPERATOR_API_KEY}), set
 * to the same values in both services.
 *
 * @param sessionSecret alerts-service's session secret: it checks the signature of every session
 * @param operatorApiKey sent as {@code X-API-Key}, lets operations read any alert's insights
 */
@Validated
@ConfigurationProperties("analytics.security")
record SessionSettings(
    @NotBlank(
            message =
                "must be set (ALERTS_SESSION_SECRET) to alerts-service's session secret: the"
                    + " dashboard's sessions are signed with it")
        @Size(min = 32, message = "must be at least 32 characters: it signs sessions")
        String sessionSecret,
    @NotBlank(
            message =
                "must be set (ALERTS_OPERATOR_API_KEY) to alerts-service's operator API key: it"
                    + " lets operations read any alert's insights")
        @Size(min = 32, message = "must be at least 32 characters")
        String operatorApiKey) {}
