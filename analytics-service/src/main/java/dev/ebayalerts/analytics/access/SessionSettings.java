package dev.ebayalerts.analytics.access;

import dev.ebayalerts.pubsub.security.StrongSecret;
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
    @StrongSecret(variable = "ALERTS_SESSION_SECRET") String sessionSecret,
    @StrongSecret(variable = "ALERTS_OPERATOR_API_KEY") String operatorApiKey) {}
