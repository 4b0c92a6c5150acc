package dev.ebayalerts.alerts.account;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The signed links of this service (start links, confirmation links) in the shared format ({@link
 * dev.ebayalerts.pubsub.security.SignedTokens}), keyed with the session secret. Sessions are signed
 * with Ed25519 instead ({@link dev.ebayalerts.pubsub.security.SessionTokens}).
 */
@Component
class SignedTokens {

  static final String CONFIRM = "confirm";

  /** Starts one alert created without a session; its subject is the alert's id. */
  static final String START = "start";

  private final dev.ebayalerts.pubsub.security.SignedTokens tokens;

  SignedTokens(SecuritySettings settings) {
    this.tokens = new dev.ebayalerts.pubsub.security.SignedTokens(settings.sessionSecret());
  }

  String issue(String purpose, String subject, Instant expiresAt) {
    return tokens.issue(purpose, subject, expiresAt);
  }

  Optional<String> verify(String purpose, String token, Instant now) {
    return tokens.verify(purpose, token, now);
  }
}
