package dev.ebayalerts.pubsub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Session tokens, signed with Ed25519 so that the service that checks them cannot make them:
 * alerts-service holds the private key and issues {@code
 * base64url(ebay-alerts:session:v3|expiry|nonce|email).base64url(signature)}; analytics-service
 * holds only the public key. Ed25519 signatures are deterministic, so the holder of the private key
 * checks a token by signing its payload again (compared in constant time). The envelope and its
 * strict reading are {@link TokenFormat}'s, shared with {@link SignedTokens}.
 */
public final class SessionTokens {

  private static final String KIND = "ebay-alerts:session:v3";

  /** Recently verified tokens kept: a session makes many requests, each would check it again. */
  private static final int REMEMBERED = 4096;

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  /**
   * Tokens whose signature checked out, least recently used out first. An Ed25519 signature check
   * costs about a millisecond of CPU in Java 17, more than the rest of a typical API request; a
   * signature that was authentic once stays authentic, so it is checked once per token (expiry and
   * revocation are still checked on every request). Only authentic tokens are kept, so made-up
   * tokens cannot fill it with anything.
   */
  private final Map<String, Boolean> authentic =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  private SessionTokens(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /**
   * The Redis key that marks a session as ended, for services that cannot see alerts-service's
   * session table: {@code ebay-alerts:ended-session:} and the hex SHA-256 of the token (the token
   * itself is never stored). It lives until the session would have expired.
   */
  public static String endedKey(String tokenHash) {
    return "ebay-alerts:ended-session:" + tokenHash;
  }

  /** The hex SHA-256 of a token: how a session is named where it is stored. */
  public static String hash(String token) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** A new key pair, as base64 of the private key's PKCS#8 and the public key's X.509 encoding. */
  public record Keys(String privateKey, String publicKey) {

    /**
     * The pair kept in a folder (files {@code session-signing-key} and {@code session-verify-key}),
     * made there first if it is missing: how a local run of both services shares one pair.
     */
    public static synchronized Keys inFolder(Path folder) {
      Path signing = folder.resolve("session-signing-key");
      Path verify = folder.resolve("session-verify-key");
      try {
        if (!Files.exists(signing) || !Files.exists(verify)) {
          Keys keys = newKeys();
          Files.createDirectories(folder);
          Files.writeString(verify, keys.publicKey());
          Files.writeString(signing, keys.privateKey());
        }
        return new Keys(Files.readString(signing).strip(), Files.readString(verify).strip());
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read or create the session keys in " + folder, e);
      }
    }
  }

  public static Keys newKeys() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Base64.Encoder base64 = Base64.getEncoder();
      return new Keys(
          base64.encodeToString(pair.getPrivate().getEncoded()),
          base64.encodeToString(pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
    }
  }

  /**
   * Issues and checks sessions.
   *
   * @param privateKey base64 of the PKCS#8 encoding of an Ed25519 private key
   * @throws IllegalArgumentException if it is not one
   */
  public static SessionTokens signing(String privateKey) {
    try {
      return new SessionTokens(
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey.strip()))),
          null);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not an Ed25519 private key (base64 of its PKCS#8)", e);
    }
  }

  /**
   * Only checks sessions.
   *
   * @param publicKey base64 of the X.509 encoding of an Ed25519 public key
   * @throws IllegalArgumentException if it is not one
   */
  public static SessionTokens verifying(String publicKey) {
    try {
      return new SessionTokens(
          null,
          KeyFactory.getInstance("Ed25519")
              .generatePublic(
                  new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey.strip()))));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not an Ed25519 public key (base64 of its X.509)", e);
    }
  }

  /**
   * A new session token for {@code email}, unique by its random nonce.
   *
   * @throws IllegalArgumentException for an empty address
   */
  public String issue(String email, Instant expiresAt) {
    return issue(email, expiresAt, TokenFormat.nonce());
  }

  /** With a given nonce: the test vector. */
  public String issue(String email, Instant expiresAt, String nonce) {
    if (privateKey == null) {
      throw new IllegalStateException("This service only checks sessions: it cannot issue them");
    }
    byte[] payload = TokenFormat.payload(KIND, expiresAt, nonce, email);
    return TokenFormat.join(payload, sign(payload));
  }

  /**
   * The address the session names, if it is signed with the pair's key and has not expired; empty
   * for anything else, however malformed.
   */
  public Optional<String> verify(String token, Instant now) {
    return TokenFormat.split(token)
        .filter(signed -> authentic(token, signed.payload(), signed.signature()))
        .flatMap(signed -> TokenFormat.subject(signed.payload(), KIND, true, now));
  }

  private boolean authentic(String token, byte[] payload, byte[] signature) {
    synchronized (authentic) {
      if (authentic.containsKey(token)) {
        return true;
      }
    }
    boolean checked = checkSignature(payload, signature);
    if (checked) {
      synchronized (authentic) {
        authentic.put(token, Boolean.TRUE);
      }
    }
    return checked;
  }

  private boolean checkSignature(byte[] payload, byte[] signature) {
    if (privateKey != null) {
      return MessageDigest.isEqual(signature, sign(payload)); // deterministic: sign again
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey);
      verifier.update(payload);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private byte[] sign(byte[] payload) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(payload);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }
}
