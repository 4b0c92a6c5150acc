package dev.ebayalerts.analytics.support;

import dev.ebayalerts.pubsub.security.SignedTokens;
import java.time.Duration;
import java.time.Instant;

/**
 * Sessions as alerts-service issues them (the shared token format), under the session secret the
 * test context is given: tests sign in with {@link #bearer(String)}.
 */
public final class Sessions {

  public static final String SECRET = "test-session-secret-of-at-least-32-characters";
  public static final String OPERATOR_KEY = "test-operator-api-key-of-at-least-32-characters";

  private Sessions() {}

  /** An {@code Authorization} header value for a session of {@code email} lasting an hour. */
  public static String bearer(String email) {
    return "Bearer " + token(SECRET, email, Instant.now().plus(Duration.ofHours(1)));
  }

  public static String token(String secret, String email, Instant expiresAt) {
    return new SignedTokens(secret).issue(SignedTokens.SESSION, email, expiresAt);
  }
}
