package dev.ebayalerts.alerts.notifier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notice} table: one row per message to one channel, written in the transaction that
 * decided it and sent by {@link NoticeSender} with retries. The unique dedupe key makes queueing
 * the same message twice a no-op.
 */
@Repository
class NoticeOutbox {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  static final String CANCELLED = "CANCELLED";

  private static final int ERROR_LENGTH = 500;

  private final JdbcClient jdbc;

  NoticeOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A notice due now, locked by the current transaction, with what its channel needs. */
  record Due(
      UUID id,
      UUID alertId,
      UUID channelId,
      ChannelType type,
      String target,
      String secret,
      String payload,
      int attempts,
      int channelFailures,
      boolean alertActive,
      boolean recipientConfirmed) {}

  void add(UUID alertId, UUID channelId, String payload, String dedupeKey, Instant now) {
    jdbc.sql(
            """
            insert into notice (id, alert_id, channel_id, payload, status, attempts,
                                next_attempt_at, dedupe_key, created_at)
            values (?, ?, ?, cast(? as jsonb), 'PENDING', 0, ?, ?, ?)
            on conflict (dedupe_key) do nothing""")
        .params(
            UUID.randomUUID(),
            alertId,
            channelId,
            payload,
            Timestamp.from(now),
            dedupeKey,
            Timestamp.from(now))
        .update();
  }

  /**
   * Locks the notice due longest whose channel is enabled, skipping those another sender holds. The
   * alert and the channel get key-share locks, so deleting either waits until the notice is sent
   * instead of deadlocking with the sender's updates.
   */
  Optional<Due> lockNextDue(Instant now) {
    return jdbc.sql(
            """
            select n.id, n.alert_id, n.channel_id, c.type, c.target, c.secret,
                n.payload::text as payload, n.attempts, c.consecutive_failures, a.active,
                exists (select 1 from subscriber s
                        where s.email = a.email and s.confirmed_at is not null) as confirmed
            from notice n
            join alert_channel c on c.id = n.channel_id
            join alert a on a.id = n.alert_id
            where n.status = 'PENDING' and n.next_attempt_at <= :now and c.enabled
            order by n.next_attempt_at
            limit 1
            for update of n skip locked
            for key share of a, c skip locked
            """)
        .param("now", Timestamp.from(now))
        .query(
            (rs, row) ->
                new Due(
                    rs.getObject("id", UUID.class),
                    rs.getObject("alert_id", UUID.class),
                    rs.getObject("channel_id", UUID.class),
                    ChannelType.valueOf(rs.getString("type")),
                    rs.getString("target"),
                    rs.getString("secret"),
                    rs.getString("payload"),
                    rs.getInt("attempts"),
                    rs.getInt("consecutive_failures"),
                    rs.getBoolean("active"),
                    rs.getBoolean("confirmed")))
        .optional();
  }

  void markSent(Due notice, Instant now) {
    jdbc.sql(
            """
            update notice set status = 'SENT', attempts = attempts + 1, sent_at = ?,
                              last_error = null
            where id = ?""")
        .params(Timestamp.from(now), notice.id())
        .update();
    jdbc.sql(
            """
            update alert_channel set consecutive_failures = 0, last_sent_at = ?
            where id = ?""")
        .params(Timestamp.from(now), notice.channelId())
        .update();
  }

  /**
   * Records a failed attempt; the channel's other notices wait as long as this one, so a channel
   * that is down is tried once per backoff, not once per notice.
   *
   * @param counts whether the failure counts towards disabling the channel (a 429 does not)
   * @return the channel's failures in a row, this one included
   */
  int markFailed(Due notice, String error, Instant next, boolean counts) {
    jdbc.sql(
            """
            update notice set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
            where id = ?""")
        .params(Timestamp.from(next), truncate(error), notice.id())
        .update();
    jdbc.sql(
            """
            update notice set next_attempt_at = ?
            where channel_id = ? and status = 'PENDING' and next_attempt_at < ?""")
        .params(Timestamp.from(next), notice.channelId(), Timestamp.from(next))
        .update();
    return jdbc.sql(
            """
            update alert_channel
            set consecutive_failures = consecutive_failures + case when ? then 1 else 0 end
            where id = ?
            returning consecutive_failures""")
        .params(counts, notice.channelId())
        .query(Integer.class)
        .single();
  }

  /** Disables the channel; its pending notices wait, and go out if it is enabled again. */
  void disableChannel(Due notice, String reason) {
    jdbc.sql("update alert_channel set enabled = false, disabled_reason = ? where id = ?")
        .params(truncate(reason), notice.channelId())
        .update();
  }

  void cancel(Due notice, String reason) {
    jdbc.sql("update notice set status = 'CANCELLED', last_error = ? where id = ?")
        .params(reason, notice.id())
        .update();
  }

  long pending() {
    return jdbc.sql("select count(*) from notice where status = 'PENDING'")
        .query(Long.class)
        .single();
  }

  private static String truncate(String text) {
    return text == null || text.length() <= ERROR_LENGTH
        ? text
        : text.substring(0, ERROR_LENGTH - 1) + "…";
  }
}
