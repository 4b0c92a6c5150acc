package dev.ebayalerts.analytics.support;

import dev.ebayalerts.pubsub.security.SessionTokens;
import java.time.Duration;
import java.time.Instant;

/**
 * Sessions as alerts-service issues them (the shared token format), under the session secret the
 * test context is given: tests sign in with {@link #bearer(String)}.
 */
public final class Sessions {

  /** alerts-service's session key pair in tests (openssl genpkey -algorithm ed25519). */
  public static final String SIGNING_KEY =
      "MC4CAQAwBQYDK2VwBCIEIOvsVaFEGL5ueJYoSneano+Mhp7shkjUVvAWqXh9e5XL";

  public static final String VERIFY_KEY =
      "MCowBQYDK2VwAyEAtlmAj+QoOD2gmz87MW1w3/+XUA0WGQH73Hf7eXV8LpU=";

  /** Another pair's private key: its sessions must be refused. */
  public static final String OTHER_SIGNING_KEY =
      "MC4CAQAwBQYDK2VwBCIEIN51Lnu9o6ELVIULh0xYPjcxw6aPVSawvszJko7saP1P";

  public static final String OPERATOR_KEY = "test-operator-api-key-of-at-least-32-characters";

  private Sessions() {}

  /** An {@code Authorization} header value for a session of {@code email} lasting an hour. */
  public static String bearer(String email) {
    return "Bearer " + token(SIGNING_KEY, email, Instant.now().plus(Duration.ofHours(1)));
  }

  public static String token(String signingKey, String email, Instant expiresAt) {
    return SessionTokens.signing(signingKey).issue(email, expiresAt);
  }
}
