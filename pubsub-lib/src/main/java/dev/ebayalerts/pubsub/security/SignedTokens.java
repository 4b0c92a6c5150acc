package dev.ebayalerts.pubsub.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed token format both services read, written once: a subject (an email address, an alert
 * id), a purpose and an expiry, signed with HMAC-SHA256 as {@code
 * base64url(ebay-alerts:purpose:v2|expiry|nonce|subject).base64url(mac)}. The purpose is signed
 * too, so a start link is never accepted as a session; the random nonce makes every token unique,
 * so each session is its own and can be ended alone. Version 1 tokens (without the nonce) are still
 * read. Parsing is {@link TokenFormat}'s, shared with the sessions. alerts-service signs its start
 * and confirmation links with it; sessions are signed with Ed25519 instead ({@link SessionTokens}),
 * so that the service that checks them cannot make them.
 */
public final class SignedTokens {

  /** The purpose of a session token. */
  public static final String SESSION = "session";

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /**
   * @param secret the HMAC key ({@code ALERTS_SESSION_SECRET} in alerts-service)
   */
  public SignedTokens(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /**
   * A new token for {@code subject}, unique by its random nonce.
   *
   * @throws IllegalArgumentException for an empty subject
   */
  public String issue(String purpose, String subject, Instant expiresAt) {
    return issue(purpose, subject, expiresAt, TokenFormat.nonce());
  }

  /** With a given nonce (16 base64url characters): the test vectors. */
  public String issue(String purpose, String subject, Instant expiresAt, String nonce) {
    byte[] payload = TokenFormat.payload(kind(purpose, 2), expiresAt, nonce, subject);
    return TokenFormat.join(payload, mac(payload));
  }

  /**
   * The subject the token names, if this service signed it for this purpose and it is unexpired;
   * empty for anything else, however malformed.
   */
  public Optional<String> verify(String purpose, String token, Instant now) {
    return TokenFormat.split(token)
        .filter(signed -> MessageDigest.isEqual(signed.signature(), mac(signed.payload())))
        .flatMap(
            signed ->
                TokenFormat.subject(signed.payload(), kind(purpose, 2), true, now)
                    .or(() -> TokenFormat.subject(signed.payload(), kind(purpose, 1), false, now)));
  }

  private static String kind(String purpose, int version) {
    return "ebay-alerts:" + purpose + ":v" + version;
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
