package dev.ebayalerts.alerts.account;

import dev.ebayalerts.pubsub.security.SessionKey;
import dev.ebayalerts.pubsub.security.StrongSecret;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sessions, sign-in links, confirmation links and who may call the API from a browser.
 *
 * @param sessionSecret signs start and confirmation links (HMAC-SHA256); changing it voids unused
 *     ones. Like the operator key it must be random: placeholders and guessable values stop the
 *     service at startup ({@link StrongSecret})
 * @param sessionSigningKey the Ed25519 private key that signs sessions (analytics-service holds
 *     only its public key, which checks them but cannot make them); changing it signs everyone out
 * @param operatorApiKey sent as {@code X-API-Key}, lets operations list every alert
 * @param allowedOrigins browser origins (the dashboard) allowed to call the API with credentials
 * @param sessionTtl how long a session lasts
 * @param signInLinkTtl how long a sign-in link works (once)
 * @param confirmationLinkTtl how long the link that starts an alert created without a session works
 * @param sessionCheckCache how long a session found live is taken as live without asking the
 *     database again ({@link LiveSessions}): the longest a session ended on another instance of the
 *     service is still accepted here; one ended here is refused at once. Zero asks on every request
 */
@Validated
@ConfigurationProperties("alerts.security")
record SecuritySettings(
    @StrongSecret(variable = "ALERTS_SESSION_SECRET") String sessionSecret,
    @SessionKey(variable = "ALERTS_SESSION_SIGNING_KEY", privateKey = true)
        String sessionSigningKey,
    @StrongSecret(variable = "ALERTS_OPERATOR_API_KEY") String operatorApiKey,
    @DefaultValue("http://localhost:3000") @NotEmpty List<String> allowedOrigins,
    @DefaultValue("7d") @NotNull Duration sessionTtl,
    @DefaultValue("15m") @NotNull Duration signInLinkTtl,
    @DefaultValue("2d") @NotNull Duration confirmationLinkTtl,
    @DefaultValue("1s") @NotNull Duration sessionCheckCache) {}
