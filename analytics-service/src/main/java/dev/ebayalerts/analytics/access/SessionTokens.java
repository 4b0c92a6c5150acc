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
 * payload {@code ebay-alerts:session:v2|expiryEpochSeconds|nonce|email} (or version 1, without the
 * nonce) and mac its HMAC-SHA256 under the shared session secret. Only verifies: sessions are
 * started by alerts-service alone. Both services test the same token vector, so the two
 * implementations cannot drift apart.
 */
final class SessionTokens {

  private static final String ALGORITHM = "HmacSHA256";
  private static final String PURPOSE = "ebay-alerts:session:v1";
  private static final String PURPOSE_V2 = "ebay-alerts:session:v2";
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
      String text = new String(payload, StandardCharsets.UTF_8);
      String[] parts = text.split("\\|", 3);
      if (text.startsWith(PURPOSE_V2 + "|")) {
        String[] v2 = text.split("\\|", 4); // purpose, expiry, nonce, email
        parts = v2.length == 4 ? new String[] {PURPOSE, v2[1], v2[3]} : new String[0];
      }
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
