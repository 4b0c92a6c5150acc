package dev.ebayalerts.analytics.access;

import dev.ebayalerts.pubsub.security.SessionKey;
import dev.ebayalerts.pubsub.security.StrongSecret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read an alert's insights: people are signed in by alerts-service, whose sessions this
 * service checks with the public half of its session key pair (it can check them, not make them),
 * and the operator uses alerts-service's operator key.
 *
 * @param sessionVerifyKey the Ed25519 public key of alerts-service's sessions ({@code
 *     ALERTS_SESSION_VERIFY_KEY})
 * @param operatorApiKey sent as {@code X-API-Key}, lets operations read any alert's insights
 */
@Validated
@ConfigurationProperties("analytics.security")
record SessionSettings(
    @SessionKey(variable = "ALERTS_SESSION_VERIFY_KEY", privateKey = false) String sessionVerifyKey,
    @StrongSecret(variable = "ALERTS_OPERATOR_API_KEY") String operatorApiKey) {}
