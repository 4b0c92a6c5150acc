package dev.ebayalerts.pubsub.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The envelope of every signed token of the services, written once for {@link SignedTokens} (HMAC)
 * and {@link SessionTokens} (Ed25519): {@code base64url(payload).base64url(signature)}, the payload
 * {@code ebay-alerts:<purpose>:<version>|<expiry, epoch seconds>|<nonce>|<subject>}. Reading is
 * strict in one place: anything malformed, too long, expired, beyond what an {@link Instant} holds,
 * or naming an empty subject is refused, never thrown.
 */
final class TokenFormat {

  /** Longer tokens are refused before any decoding: a real one is about 150 characters. */
  static final int MAX_LENGTH = 1000;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenFormat() {}

  /** A token's two decoded halves. */
  record Signed(byte[] payload, byte[] signature) {}

  /** 12 random bytes as 16 base64url characters: what makes every token unique. */
  static String nonce() {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    return ENCODER.encodeToString(nonce);
  }

  /**
   * @param kind {@code ebay-alerts:<purpose>:<version>}
   * @throws IllegalArgumentException for an empty subject, which no reader accepts
   */
  static byte[] payload(String kind, Instant expiresAt, String nonce, String subject) {
    if (subject == null || subject.isEmpty()) {
      throw new IllegalArgumentException("A token must name its subject");
    }
    return (kind + "|" + expiresAt.getEpochSecond() + "|" + nonce + "|" + subject)
        .getBytes(StandardCharsets.UTF_8);
  }

  static String join(byte[] payload, byte[] signature) {
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature);
  }

  /** The decoded halves, or empty for null, over-long or malformed input. */
  static Optional<Signed> split(String token) {
    if (token == null || token.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Signed(
              DECODER.decode(token.substring(0, dot)), DECODER.decode(token.substring(dot + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The subject of an authentic payload, if it is of {@code kind} and unexpired at {@code now}.
   *
   * @param withNonce whether the payload has a nonce field (every version but the first)
   */
  static Optional<String> subject(byte[] payload, String kind, boolean withNonce, Instant now) {
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", withNonce ? 4 : 3);
    if (parts.length != (withNonce ? 4 : 3) || !parts[0].equals(kind)) {
      return Optional.empty();
    }
    String subject = parts[parts.length - 1];
    if (subject.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (!Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(now)) {
        return Optional.empty();
      }
    } catch (NumberFormatException | DateTimeException e) {
      return Optional.empty();
    }
    return Optional.of(subject);
  }
}
