package dev.ebayalerts.alerts.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use sign-in tokens. Only a SHA-256 hash is stored, so a leaked database holds no usable
 * link; redeeming marks the token used in the same statement that checks it.
 */
@Component
public class SignInLinks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final SecuritySettings settings;
  private final Subscribers subscribers;
  private final Clock clock;

  SignInLinks(JdbcClient jdbc, SecuritySettings settings, Subscribers subscribers, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.subscribers = subscribers;
    this.clock = clock;
  }

  /** A new sign-in token for the address (the raw token: it is not stored). */
  public String create(String email) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into sign_in_token (token_hash, email, created_at, expires_at)
            values (:hash, :email, :now, :expires)
            """)
        .param("hash", hash(token))
        .param("email", email)
        .param("now", Timestamp.from(now))
        .param("expires", Timestamp.from(now.plus(settings.signInLinkTtl())))
        .update();
    // Old tokens are of no use; they go as new ones are made.
    jdbc.sql("delete from sign_in_token where expires_at < :before")
        .param("before", Timestamp.from(now.minus(settings.signInLinkTtl())))
        .update();
    return token;
  }

  /**
   * The address of an unused, unexpired token, which is now used. Signing in proves the person owns
   * the address, so it is confirmed too.
   */
  @Transactional
  Optional<String> redeem(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<String> email =
        jdbc.sql(
                """
                update sign_in_token set used_at = :now
                where token_hash = :hash and used_at is null and expires_at > :now
                returning email
                """)
            .param("now", Timestamp.from(now))
            .param("hash", hash(token))
            .query(String.class)
            .optional();
    email.ifPresent(address -> subscribers.confirm(address, now));
    return email;
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
