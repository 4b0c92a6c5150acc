package dev.ebayalerts.analytics.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sessions as alerts-service issues them, under the session secret the test context is given: tests
 * sign in with {@link #bearer(String)}.
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
    byte[] payload =
        ("ebay-alerts:session:v1|" + expiresAt.getEpochSecond() + "|" + email)
            .getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
      return base64.encodeToString(payload) + "." + base64.encodeToString(mac.doFinal(payload));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
