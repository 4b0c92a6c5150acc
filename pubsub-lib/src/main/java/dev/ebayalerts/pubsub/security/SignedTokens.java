package dev.ebayalerts.pubsub.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed token format both services read, written once: a subject (an email address, an alert
 * id), a purpose and an expiry, signed with HMAC-SHA256 as {@code
 * base64url(ebay-alerts:purpose:v2|expiry|nonce|subject).base64url(mac)}. The purpose is signed
 * too, so a start link is never accepted as a session; the random nonce makes every token unique,
 * so each session is its own and can be ended alone. Version 1 tokens (without the nonce) are still
 * read. alerts-service signs its start and confirmation links with it; sessions are signed with
 * Ed25519 instead ({@link SessionTokens}), so that the service that checks them cannot make them.
 */
public final class SignedTokens {

  /** The purpose of a session token. */
  public static final String SESSION = "session";

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  /**
   * @param secret the HMAC key ({@code ALERTS_SESSION_SECRET} in alerts-service)
   */
  public SignedTokens(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** A new token for {@code subject}, unique by its random nonce. */
  public String issue(String purpose, String subject, Instant expiresAt) {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    return issue(purpose, subject, expiresAt, ENCODER.encodeToString(nonce));
  }

  /** With a given nonce (16 base64url characters): the test vectors. */
  public String issue(String purpose, String subject, Instant expiresAt, String nonce) {
    byte[] payload =
        ("ebay-alerts:"
                + purpose
                + ":v2|"
                + expiresAt.getEpochSecond()
                + "|"
                + nonce
                + "|"
                + subject)
            .getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
  }

  /**
   * The address the token names, if this service signed it for this purpose and it is unexpired.
   */
  public Optional<String> verify(String purpose, String token, Instant now) {
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
      String[] parts;
      if (text.startsWith("ebay-alerts:" + purpose + ":v2|")) {
        String[] v2 = text.split("\\|", 4);
        parts = v2.length == 4 ? new String[] {v2[1], v2[3]} : null;
      } else if (text.startsWith("ebay-alerts:" + purpose + ":v1|")) {
        String[] v1 = text.split("\\|", 3);
        parts = v1.length == 3 ? new String[] {v1[1], v1[2]} : null;
      } else {
        return Optional.empty();
      }
      if (parts == null || parts[1].isEmpty()) {
        return Optional.empty();
      }
      if (!Instant.ofEpochSecond(Long.parseLong(parts[0])).isAfter(now)) {
        return Optional.empty();
      }
      return Optional.of(parts[1]);
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
