package dev.ebayalerts.alerts.alert;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The feed token on each alert row. Written with plain SQL like the scheduler's columns: replacing
 * it does not bump the alert's version, so it never makes someone's pending edit stale.
 */
@Repository
public class FeedTokens {

  private static final int TOKEN_BYTES = 24; // 192 bits, 32 base64url characters

  private final JdbcClient jdbc;
  private final SecureRandom random = new SecureRandom();

  FeedTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The alert a feed token belongs to, with what the feed's head shows. */
  public record FeedAlert(
      UUID id, String email, String searchPhrase, String token, Instant updatedAt) {}

  public Optional<FeedAlert> alertWith(String token) {
    return jdbc.sql(
            "select id, email, search_phrase, feed_token, updated_at from alert"
                + " where feed_token = ?")
        .param(token)
        .query(
            (row, n) ->
                new FeedAlert(
                    row.getObject("id", UUID.class),
                    row.getString("email"),
                    row.getString("search_phrase"),
                    row.getString("feed_token"),
                    row.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  Optional<String> tokenOf(UUID alertId) {
    return jdbc.sql("select feed_token from alert where id = ?")
        .param(alertId)
        .query(String.class)
        .optional();
  }

  /**
   * Gives the owner's alert a new token, so the old feed URL stops working at once. Empty when
   * {@code owner} has no alert with this id.
   */
  Optional<String> replace(UUID alertId, String owner) {
    String token = newToken();
    int updated =
        jdbc.sql("update alert set feed_token = ? where id = ? and email = ?")
            .params(token, alertId, owner)
            .update();
    return updated == 1 ? Optional.of(token) : Optional.empty();
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
