package dev.ebayalerts.alerts.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code alert_email} table: emails decided but maybe not yet sent. */
@Repository
class EmailQueue {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";

  /** Not sent because the alert was paused (unsubscribed) before the email went out. */
  static final String CANCELLED = "CANCELLED";

  /** Starts the alert's {@code last_error} when its emails cannot be delivered. */
  static final String UNDELIVERABLE = "Alert emails could not be delivered";

  private static final int ERROR_LENGTH = 500;

  private final JdbcClient jdbc;

  EmailQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An email waiting to be sent, locked by the current transaction. */
  record Queued(
      UUID id,
      UUID alertId,
      String recipient,
      String payload,
      int attempts,
      boolean alertActive,
      boolean recipientConfirmed) {}

  void add(UUID id, UUID alertId, String recipient, String payload, Instant now) {
    jdbc.sql(
            """
            insert into alert_email (id, alert_id, recipient, payload, status, attempts,
                                     next_attempt_at, created_at)
            values (:id, :alertId, :recipient, cast(:payload as jsonb), :status, 0, :now, :now)
            """)
        .param("id", id)
        .param("alertId", alertId)
        .param("recipient", recipient)
        .param("payload", payload)
        .param("status", PENDING)
        .param("now", Timestamp.from(now))
        .update();
  }

  /**
   * Locks the email due longest, skipping those another transaction (another instance) is sending:
   * two senders never get the same row, and neither waits for the other.
   *
   * <p>The alert row gets a key-share lock: edits and the scheduler's updates go on, but deleting
   * the alert waits until the email is sent. Otherwise the delete (alert locked, waiting for the
   * email row) and the sender (email row locked, updating the alert) would deadlock. An email whose
   * alert is being deleted right now is skipped.
   */
  Optional<Queued> lockNextDue(Instant now) {
    // 'PENDING' is written out so the planner always matches the partial index alert_email_due_idx.
    return jdbc.sql(
            """
            select e.id, e.alert_id, e.recipient, e.payload::text as payload, e.attempts, a.active,
                exists (select 1 from subscriber s
                        where s.email = e.recipient and s.confirmed_at is not null) as confirmed
            from alert_email e join alert a on a.id = e.alert_id
            where e.status = 'PENDING' and e.next_attempt_at <= :now
            order by e.next_attempt_at
            limit 1
            for update of e skip locked
            for key share of a skip locked
            """)
        .param("now", Timestamp.from(now))
        .query(
            (rs, row) ->
                new Queued(
                    rs.getObject("id", UUID.class),
                    rs.getObject("alert_id", UUID.class),
                    rs.getString("recipient"),
                    rs.getString("payload"),
                    rs.getInt("attempts"),
                    rs.getBoolean("active"),
                    rs.getBoolean("confirmed")))
        .optional();
  }

  void markSent(Queued email, Instant now) {
    jdbc.sql(
            """
            update alert_email set status = :status, attempts = attempts + 1, sent_at = :now,
                                   last_error = null
            where id = :id
            """)
        .param("status", SENT)
        .param("now", Timestamp.from(now))
        .param("id", email.id())
        .update();
    // Clears the alert's error only if it is ours: a failed fetch is the scheduler's to report.
    jdbc.sql(
            """
            update alert set last_email_at = :now,
                             last_error = case when last_error like :ours then null
                                               else last_error end
            where id = :alertId
            """)
        .param("now", Timestamp.from(now))
        .param("ours", UNDELIVERABLE + "%")
        .param("alertId", email.alertId())
        .update();
  }

  void markForRetry(Queued email, String error, Instant nextAttemptAt) {
    jdbc.sql(
            """
            update alert_email set attempts = attempts + 1, next_attempt_at = :next,
                                   last_error = :error
            where id = :id
            """)
        .param("next", Timestamp.from(nextAttemptAt))
        .param("error", truncate(error))
        .param("id", email.id())
        .update();
  }

  /**
   * Gives the email up. The row keeps the technical error; the alert, whose error its owner sees,
   * gets {@code reason} in plain words.
   */
  void markFailed(Queued email, String error, String reason) {
    jdbc.sql(
            """
            update alert_email set status = :status, attempts = attempts + 1, last_error = :error
            where id = :id
            """)
        .param("status", FAILED)
        .param("error", truncate(error))
        .param("id", email.id())
        .update();
    jdbc.sql("update alert set last_error = :error where id = :alertId")
        .param(
            "error",
            truncate(
                UNDELIVERABLE
                    + " to "
                    + email.recipient()
                    + " after "
                    + (email.attempts() + 1)
                    + " attempts: "
                    + reason))
        .param("alertId", email.alertId())
        .update();
  }

  void cancel(Queued email) {
    cancel(email, "Not sent: the alert was paused before the email went out");
  }

  void cancel(Queued email, String reason) {
    jdbc.sql("update alert_email set status = :status, last_error = :error where id = :id")
        .param("status", CANCELLED)
        .param("error", reason)
        .param("id", email.id())
        .update();
  }

  long pending() {
    return jdbc.sql("select count(*) from alert_email where status = 'PENDING'")
        .query(Long.class)
        .single();
  }

  private static String truncate(String text) {
    return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
  }
}
