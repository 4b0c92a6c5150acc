package dev.ebayalerts.alerts.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Stateless tokens naming an email address, a purpose and an expiry, signed with HMAC-SHA256:
 * {@code base64url(purpose|expiry|email).base64url(mac)}. The purpose is signed too, so a
 * confirmation token is never accepted as a session.
 */
@Component
class SignedTokens {

  static final String SESSION = "session";
  static final String CONFIRM = "confirm";

  /** Starts one alert created without a session; its subject is the alert's id. */
  static final String START = "start";

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  SignedTokens(SecuritySettings settings) {
    this.key =
        new SecretKeySpec(settings.sessionSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  String issue(String purpose, String email, Instant expiresAt) {
    byte[] payload =
        ("ebay-alerts:" + purpose + ":v1|" + expiresAt.getEpochSecond() + "|" + email)
            .getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
  }

  /**
   * The address the token names, if this service signed it for this purpose and it is unexpired.
   */
  Optional<String> verify(String purpose, String token, Instant now) {
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
      if (parts.length != 3 || !parts[0].equals("ebay-alerts:" + purpose + ":v1")) {
        return Optional.empty();
      }
      if (!Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(now)) {
        return Optional.empty();
      }
      return Optional.of(parts[2]);
    } catch (IllegalArgumentException e) {
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
