package dev.ebayalerts.analytics.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the session tokens alerts-service issues: {@code base64url(payload).base64url(mac)} with
 * payload {@code ebay-alerts:session:v1|expiryEpochSeconds|email} and mac its HMAC-SHA256 under the
 * shared session secret. Only verifies: sessions are started by alerts-service alone. Both services
 * test the same token vector, so the two implementations cannot drift apart.
 */
final class SessionTokens {

  private static final String ALGORITHM = "HmacSHA256";
  private static final String PURPOSE = "ebay-alerts:session:v1";
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  SessionTokens(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The address the session names, if alerts-service signed it and it has not expired. */
  Optional<String> verify(String token, Instant now) {
    if (token == null || token.length() > 1000) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 1) {
      return Optional.empty();
    }
    try {
      byte[] payload = DECODER.decode(token.substring(0, dot));
      byte[] mac = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(mac, mac(payload))) {
        return Optional.empty();
      }
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", 3);
      // the purpose is signed too: a confirmation token is never a session
      if (parts.length != 3 || !parts[0].equals(PURPOSE) || parts[2].isEmpty()) {
        return Optional.empty();
      }
      if (!Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(now)) {
        return Optional.empty();
      }
      return Optional.of(parts[2]);
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
