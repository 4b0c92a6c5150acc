package dev.ebayalerts.analytics.digest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The digest tables: {@code digest_state} (each recipient's last fingerprint) and {@code
 * insight_email} (digests generated, maybe not yet sent), and the alert copies they are made from.
 */
@Repository
class DigestQueue {

  /** Waiting for its first or next quick attempt. */
  static final String PENDING = "PENDING";

  /** Failed {@code maxAttempts} times; retried every {@code parkedRetry} until it goes out. */
  static final String PARKED = "PARKED";

  static final String SENT = "SENT";

  /** Not sent because none of its alerts was still active when it was due. */
  static final String CANCELLED = "CANCELLED";

  private static final int ERROR_LENGTH = 500;

  private final JdbcClient jdbc;

  DigestQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An active alert of a recipient. */
  record ActiveAlert(UUID id, String searchPhrase) {}

  /** A digest waiting to be sent, locked by the current transaction. */
  record Queued(UUID id, String recipient, String payload, int attempts) {}

  List<String> recipients() {
    return jdbc.sql(
            "select distinct email from alert_copy where active and not deleted order by email")
        .query(String.class)
        .list();
  }

  /** The recipient's active alerts in the order a digest shows them: by search, then id. */
  List<ActiveAlert> activeAlertsOf(String recipient) {
    return jdbc.sql(
            """
            select id, search_phrase from alert_copy
            where email = ? and active and not deleted
            order by lower(search_phrase), id
            """)
        .param(recipient)
        .query(
            (rs, row) ->
                new ActiveAlert(rs.getObject("id", UUID.class), rs.getString("search_phrase")))
        .list();
  }

  /** Which of these alerts still belong to the recipient and are active. */
  Set<UUID> stillActive(String recipient, Collection<UUID> alertIds) {
    if (alertIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                """
                select id from alert_copy
                where id = any(?) and email = ? and active and not deleted
                """)
            .params(alertIds.toArray(UUID[]::new), recipient)
            .query((rs, row) -> rs.getObject("id", UUID.class))
            .list());
  }

  /**
   * Locks the recipient's state row (creating it on first use) until the transaction ends and
   * returns the fingerprint of their last digest: a second generator for the same recipient waits
   * here, then sees what the first stored.
   */
  Optional<String> lockLastFingerprint(String recipient) {
    jdbc.sql("insert into digest_state (recipient) values (?) on conflict (recipient) do nothing")
        .param(recipient)
        .update();
    return jdbc.sql("select fingerprint from digest_state where recipient = ? for update")
        .param(recipient)
        .query((rs, row) -> Optional.ofNullable(rs.getString("fingerprint")))
        .single();
  }

  /** Whether a digest of the recipient's is not sent yet: pending or parked. */
  boolean hasUnsent(String recipient) {
    return jdbc.sql(
            """
            select exists (select 1 from insight_email
                           where recipient = ? and status in ('PENDING', 'PARKED'))""")
        .param(recipient)
        .query(Boolean.class)
        .single();
  }

  /** Stores a digest to send and makes its fingerprint the recipient's last. */
  void add(UUID id, String recipient, String payload, String fingerprint, Instant now) {
    jdbc.sql(
            """
            insert into insight_email (id, recipient, payload, fingerprint, status, attempts,
                                       next_attempt_at, created_at)
            values (:id, :recipient, cast(:payload as jsonb), :fingerprint, :status, 0, :now, :now)
            """)
        .param("id", id)
        .param("recipient", recipient)
        .param("payload", payload)
        .param("fingerprint", fingerprint)
        .param("status", PENDING)
        .param("now", Timestamp.from(now))
        .update();
    jdbc.sql("update digest_state set fingerprint = ?, generated_at = ? where recipient = ?")
        .params(fingerprint, Timestamp.from(now), recipient)
        .update();
  }

  /**
   * Locks the digest due longest, skipping those another transaction (another instance) is sending:
   * two senders never get the same row, and neither waits for the other.
   */
  Optional<Queued> lockNextDue(Instant now) {
    // The statuses are written out so the planner matches the partial index insight_email_due_idx.
    return jdbc.sql(
            """
            select id, recipient, payload::text as payload, attempts from insight_email
            where status in ('PENDING', 'PARKED') and next_attempt_at <= ?
            order by next_attempt_at
            limit 1
            for update skip locked
            """)
        .param(Timestamp.from(now))
        .query(
            (rs, row) ->
                new Queued(
                    rs.getObject("id", UUID.class),
                    rs.getString("recipient"),
                    rs.getString("payload"),
                    rs.getInt("attempts")))
        .optional();
  }

  void markSent(Queued email, Instant now) {
    jdbc.sql(
            """
            update insight_email set status = 'SENT', attempts = attempts + 1, sent_at = ?,
                                     last_error = null
            where id = ?
            """)
        .params(Timestamp.from(now), email.id())
        .update();
  }

  /**
   * Records a failed attempt; the digest is tried again at {@code next}.
   *
   * @param parked whether it is parked (retried on the slow schedule from now on)
   */
  void markFailed(Queued email, String error, Instant next, boolean parked) {
    jdbc.sql(
            """
            update insight_email set attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                                     status = ?
            where id = ?
            """)
        .params(Timestamp.from(next), truncate(error), parked ? PARKED : PENDING, email.id())
        .update();
  }

  void cancel(Queued email) {
    jdbc.sql("update insight_email set status = 'CANCELLED', last_error = ? where id = ?")
        .params("Not sent: none of its alerts was still active when it was due", email.id())
        .update();
    forget(email);
  }

  /**
   * "Nothing changed since the last digest" means since the last one that went out: a digest not
   * sent is no longer the one to compare with (unless a newer one already is).
   */
  private void forget(Queued email) {
    jdbc.sql(
            """
            update digest_state set fingerprint = null
            where recipient = ?
              and fingerprint = (select fingerprint from insight_email where id = ?)
            """)
        .params(email.recipient(), email.id())
        .update();
  }

  long count(String status) {
    return jdbc.sql("select count(*) from insight_email where status = ?")
        .param(status)
        .query(Long.class)
        .single();
  }

  /**
   * Deletes digests done with (sent, cancelled, or failed before digests were parked) created
   * before the cut-off; pending and parked ones are kept whatever their age.
   */
  int deleteDoneBefore(Instant cutoff) {
    return jdbc.sql(
            "delete from insight_email where status not in ('PENDING', 'PARKED') and created_at < ?")
        .param(Timestamp.from(cutoff))
        .update();
  }

  private static String truncate(String text) {
    return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
  }
}
