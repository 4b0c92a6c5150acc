package dev.ebayalerts.alerts.account;

import dev.ebayalerts.pubsub.security.SessionTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code session} table: which signed session tokens are still good. A token is looked up by
 * its SHA-256 (one primary-key-sized index probe per request); the token itself is never stored.
 */
@Repository
class SessionStore {

  /** A session as its owner sees it in the list. */
  record Row(UUID id, Instant createdAt, Instant expiresAt, String userAgent, String tokenHash) {}

  private final JdbcClient jdbc;

  SessionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(UUID id, String token, String email, Instant now, Instant expiresAt, String userAgent) {
    // The address's expired and revoked sessions go when it starts a new one: the table stays
    // small.
    jdbc.sql("delete from session where email = ? and (expires_at <= ? or revoked_at is not null)")
        .params(email, Timestamp.from(now))
        .update();
    jdbc.sql(
            """
            insert into session (id, token_hash, email, created_at, expires_at, user_agent)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            hash(token),
            email,
            Timestamp.from(now),
            Timestamp.from(expiresAt),
            userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length())))
        .update();
  }

  boolean isLive(String tokenHash, Instant now) {
    return jdbc.sql(
            """
            select count(*) > 0 from session
            where token_hash = ? and revoked_at is null and expires_at > ?""")
        .params(tokenHash, Timestamp.from(now))
        .query(Boolean.class)
        .single();
  }

  List<Row> live(String email, Instant now) {
    return jdbc.sql(
            """
            select id, created_at, expires_at, user_agent, token_hash from session
            where email = ? and revoked_at is null and expires_at > ?
            order by created_at desc""")
        .params(email, Timestamp.from(now))
        .query(
            (rs, n) ->
                new Row(
                    rs.getObject("id", UUID.class),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("expires_at").toInstant(),
                    rs.getString("user_agent"),
                    rs.getString("token_hash")))
        .list();
  }

  /** A session just ended: the hash of its token and when it would have expired. */
  record Ended(String tokenHash, Instant expiresAt) {}

  /** Ends one of the address's sessions; empty if it has none with this id. */
  List<Ended> revoke(String email, UUID id, Instant now) {
    return ended(
        "update session set revoked_at = ? where id = ? and email = ? and revoked_at is null"
            + " returning token_hash, expires_at",
        Timestamp.from(now),
        id,
        email);
  }

  List<Ended> revokeAll(String email, Instant now) {
    return ended(
        "update session set revoked_at = ? where email = ? and revoked_at is null"
            + " returning token_hash, expires_at",
        Timestamp.from(now),
        email);
  }

  List<Ended> revokeToken(String token, Instant now) {
    return ended(
        "update session set revoked_at = ? where token_hash = ? and revoked_at is null"
            + " returning token_hash, expires_at",
        Timestamp.from(now),
        hash(token));
  }

  private List<Ended> ended(String sql, Object... params) {
    return jdbc.sql(sql)
        .params(params)
        .query(
            (rs, n) ->
                new Ended(rs.getString("token_hash"), rs.getTimestamp("expires_at").toInstant()))
        .list();
  }

  static String hash(String token) {
    return SessionTokens.hash(token);
  }
}
