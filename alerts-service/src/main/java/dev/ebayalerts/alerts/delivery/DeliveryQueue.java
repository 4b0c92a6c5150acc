package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.channel.ChannelEnabled;
import dev.ebayalerts.alerts.channel.ChannelType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code delivery} outbox (one message to one channel, email included) and the {@code notice}
 * record of what each run told. A delivery is written in the transaction that decided it and sent
 * by {@link DeliverySender}; the unique dedupe key makes storing the same message twice a no-op.
 */
@Repository
class DeliveryQueue {

  static final String PENDING = "PENDING";
  static final String PARKED = "PARKED";

  /** Starts the alert's {@code last_error} when its emails cannot be delivered. */
  static final String UNDELIVERABLE = "Alert emails could not be delivered";

  private static final int ERROR_LENGTH = 500;
  private static final int CHANNEL_ERROR_LENGTH = 200;

  private final JdbcClient jdbc;
  private final Clock clock;

  DeliveryQueue(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A channel deliveries are written for. */
  record Target(UUID id, ChannelType type) {}

  /** The enabled channels of many alerts, each alert's in creation order. */
  Map<UUID, List<Target>> enabledChannels(Collection<UUID> alertIds) {
    Map<UUID, List<Target>> channels = new HashMap<>();
    jdbc.sql(
            "select alert_id, id, type from alert_channel where alert_id = any(?) and enabled"
                + " order by alert_id, created_at, id")
        .param(alertIds.toArray(UUID[]::new))
        .query(
            rs -> {
              channels
                  .computeIfAbsent(rs.getObject("alert_id", UUID.class), id -> new ArrayList<>())
                  .add(
                      new Target(
                          rs.getObject("id", UUID.class),
                          ChannelType.valueOf(rs.getString("type"))));
            });
    return channels;
  }

  /** The addresses of many alerts, which their email deliveries go to. */
  Map<UUID, String> owners(Collection<UUID> alertIds) {
    Map<UUID, String> owners = new HashMap<>();
    if (alertIds.isEmpty()) {
      return owners;
    }
    jdbc.sql("select id, email from alert where id = any(?)")
        .param(alertIds.toArray(UUID[]::new))
        .query(
            rs -> {
              owners.put(rs.getObject(1, UUID.class), rs.getString(2));
            });
    return owners;
  }

  /**
   * Stores a digest: one email to {@code email} about several of its alerts, a delivery of no alert
   * and no channel. An address's digests go out one at a time, in order, like a channel's messages.
   */
  void addDigest(
      String email, String payload, String dedupeKey, DigestPayload digest, Instant now) {
    Instant expiresAt = digest.usefulUntil();
    jdbc.sql(
            """
            insert into delivery (id, digest_email, payload, status, attempts, next_attempt_at,
                                  dedupe_key, expires_at, created_at)
            values (?, ?, cast(? as jsonb), 'PENDING', 0, ?, ?, ?, ?)
            on conflict (dedupe_key) do nothing""")
        .params(
            UUID.randomUUID(),
            email,
            payload,
            Timestamp.from(now),
            dedupeKey,
            expiresAt == null ? null : Timestamp.from(expiresAt),
            Timestamp.from(now))
        .update();
  }

  /** A run's notice, the record of what it told that the feed reads. */
  record NewNotice(UUID id, UUID alertId, String payload) {}

  /** One message to one channel. */
  record NewDelivery(
      UUID alertId, UUID channelId, String payload, String dedupeKey, Instant expiresAt) {}

  /** Stores notices, all in one statement. */
  void addNotices(List<NewNotice> notices, Instant now) {
    if (notices.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into notice (id, alert_id, payload, created_at)
            select n.id, n.alert_id, cast(n.payload as jsonb), ?
            from unnest(?::uuid[], ?::uuid[], ?::text[]) as n(id, alert_id, payload)""")
        .params(
            Timestamp.from(now),
            notices.stream().map(NewNotice::id).toArray(UUID[]::new),
            notices.stream().map(NewNotice::alertId).toArray(UUID[]::new),
            notices.stream().map(NewNotice::payload).toArray(String[]::new))
        .update();
  }

  /**
   * Stores deliveries, all in one statement; one whose dedupe key is already stored is skipped.
   * Each is stored a microsecond after the one before it: a channel takes its messages in {@code
   * (created_at, id)} order, so the messages a notice is split into go out in the notice's order.
   */
  void addAll(List<NewDelivery> deliveries, Instant now) {
    if (deliveries.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into delivery (id, alert_id, channel_id, payload, status, attempts,
                                  next_attempt_at, dedupe_key, expires_at, created_at)
            select gen_random_uuid(), d.alert_id, d.channel_id, cast(d.payload as jsonb),
                   'PENDING', 0, :now, d.dedupe_key, cast(d.expires_at as timestamptz),
                   cast(:now as timestamptz) + (d.position - 1) * interval '1 microsecond'
            from unnest(cast(:alerts as uuid[]), cast(:channels as uuid[]),
                        cast(:payloads as text[]), cast(:keys as text[]),
                        cast(:expires as text[])) with ordinality
                 as d(alert_id, channel_id, payload, dedupe_key, expires_at, position)
            on conflict (dedupe_key) do nothing""")
        .param("now", Timestamp.from(now))
        .param("alerts", deliveries.stream().map(NewDelivery::alertId).toArray(UUID[]::new))
        .param("channels", deliveries.stream().map(NewDelivery::channelId).toArray(UUID[]::new))
        .param("payloads", deliveries.stream().map(NewDelivery::payload).toArray(String[]::new))
        .param("keys", deliveries.stream().map(NewDelivery::dedupeKey).toArray(String[]::new))
        .param(
            "expires",
            deliveries.stream()
                .map(d -> d.expiresAt() == null ? null : d.expiresAt().toString())
                .toArray(String[]::new))
        .update();
  }

  /**
   * Locks the delivery due longest of one lane (email, or every other channel), skipping rows
   * another sender holds. Only a channel's oldest waiting delivery is ever taken, so a channel gets
   * its messages in order, one at a time, and one slow channel holds at most one sender. The alert
   * and the channel get key-share locks, so deleting either waits until the delivery is done
   * instead of deadlocking with the sender's updates.
   */
  Optional<Delivery> lockNextDue(boolean email, Instant now) {
    Optional<Delivery> next = lockNextOfChannel(email, now);
    return next.isEmpty() && email ? lockNextDigest(now) : next;
  }

  private Optional<Delivery> lockNextOfChannel(boolean email, Instant now) {
    // The statuses are written out so the planner matches the partial indexes.
    return jdbc.sql(
            """
            select d.id, d.alert_id, d.channel_id, c.type, c.target, c.secret, a.email,
                d.payload::text as payload, d.attempts, c.consecutive_failures, d.expires_at,
                a.active,
                exists (select 1 from subscriber s
                        where s.email = a.email and s.confirmed_at is not null) as confirmed
            from delivery d
            join alert_channel c on c.id = d.channel_id
            join alert a on a.id = d.alert_id
            where d.status in ('PENDING', 'PARKED') and d.next_attempt_at <= :now and c.enabled
              and (c.type = 'EMAIL') = :email
              and not exists (
                  select 1 from delivery o
                  where o.channel_id = d.channel_id and o.status in ('PENDING', 'PARKED')
                    and (o.created_at, o.id) < (d.created_at, d.id))
            order by d.next_attempt_at
            limit 1
            for update of d skip locked
            for key share of a, c skip locked
            """)
        .param("now", Timestamp.from(now))
        .param("email", email)
        .query(DeliveryQueue::delivery)
        .optional();
  }

  /**
   * Locks the digest due longest, skipping rows another sender holds; only an address's oldest
   * waiting digest is taken. A digest's failures back off by its own attempts.
   */
  private Optional<Delivery> lockNextDigest(Instant now) {
    return jdbc.sql(
            """
            select d.id, d.digest_email, d.payload::text as payload, d.attempts, d.expires_at,
                exists (select 1 from subscriber s
                        where s.email = d.digest_email and s.confirmed_at is not null) as confirmed
            from delivery d
            where d.digest_email is not null and d.status in ('PENDING', 'PARKED')
              and d.next_attempt_at <= :now
              and not exists (
                  select 1 from delivery o
                  where o.digest_email = d.digest_email and o.status in ('PENDING', 'PARKED')
                    and (o.created_at, o.id) < (d.created_at, d.id))
            order by d.next_attempt_at
            limit 1
            for update of d skip locked
            """)
        .param("now", Timestamp.from(now))
        .query(
            (rs, n) -> {
              Timestamp expires = rs.getTimestamp("expires_at");
              return new Delivery(
                  rs.getObject("id", UUID.class),
                  null,
                  null,
                  ChannelType.EMAIL,
                  "",
                  null,
                  rs.getString("digest_email"),
                  rs.getString("payload"),
                  rs.getInt("attempts"),
                  rs.getInt("attempts"),
                  expires == null ? null : expires.toInstant(),
                  true,
                  rs.getBoolean("confirmed"));
            })
        .optional();
  }

  /**
   * Marks the delivery sent. If the channel had been failing, what waited behind it (parked ones
   * included) is due now: the end of an outage delivers everything that waited, in order.
   */
  void markSent(Delivery delivery, Instant now) {
    jdbc.sql(
            """
            update delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?,
                                last_error = null
            where id = ?""")
        .params(Timestamp.from(now), delivery.id())
        .update();
    if (delivery.digest()) {
      return;
    }
    jdbc.sql(
            """
            update alert_channel set consecutive_failures = 0, last_error = null, last_sent_at = ?
            where id = ?""")
        .params(Timestamp.from(now), delivery.channelId())
        .update();
    if (delivery.channelFailures() > 0) {
      dueNow(delivery.channelId(), now);
    }
    if (delivery.type() == ChannelType.EMAIL) {
      // Clears the alert's error only if it is ours: a failed fetch is the scheduler's to report.
      jdbc.sql(
              """
              update alert set last_email_at = :now,
                               last_error = case when last_error like :ours then null
                                                 else last_error end
              where id = :alertId""")
          .param("now", Timestamp.from(now))
          .param("ours", UNDELIVERABLE + "%")
          .param("alertId", delivery.alertId())
          .update();
    }
  }

  /**
   * Records a failed attempt. The channel's other waiting deliveries wait at least as long, so a
   * channel that is down is tried once per backoff, not once per message.
   *
   * @param error the technical error, kept on the row
   * @param reason the error in words the channel's owner may see
   * @param parked whether the delivery is parked (retried on the slow schedule from now on)
   * @param counts whether the failure counts as one of the channel's failures (a 429 does not)
   */
  void markFailed(
      Delivery delivery,
      String error,
      String reason,
      Instant next,
      boolean parked,
      boolean counts) {
    jdbc.sql(
            """
            update delivery set attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                                status = ?
            where id = ?""")
        .params(
            Timestamp.from(next),
            truncate(error, ERROR_LENGTH),
            parked ? PARKED : PENDING,
            delivery.id())
        .update();
    if (delivery.digest()) {
      return;
    }
    jdbc.sql(
            """
            update delivery set next_attempt_at = ?
            where channel_id = ? and status in ('PENDING', 'PARKED') and next_attempt_at < ?""")
        .params(Timestamp.from(next), delivery.channelId(), Timestamp.from(next))
        .update();
    jdbc.sql(
            """
            update alert_channel
            set consecutive_failures = consecutive_failures + case when ? then 1 else 0 end,
                last_error = ?
            where id = ?""")
        .params(counts, truncate(reason, CHANNEL_ERROR_LENGTH), delivery.channelId())
        .update();
    if (parked && delivery.type() == ChannelType.EMAIL) {
      jdbc.sql("update alert set last_error = ? where id = ?")
          .params(
              truncate(
                  UNDELIVERABLE
                      + " to "
                      + delivery.recipient()
                      + ": "
                      + reason
                      + ". They are retried every hour until they go out.",
                  ERROR_LENGTH),
              delivery.alertId())
          .update();
    }
  }

  /** Done without sending: the alert was paused, its address is unconfirmed, or it expired. */
  void close(Delivery delivery, String status, String reason) {
    jdbc.sql("update delivery set status = ?, last_error = ? where id = ?")
        .params(status, reason, delivery.id())
        .update();
  }

  @EventListener
  void on(ChannelEnabled event) {
    dueNow(event.channelId(), clock.instant());
  }

  private void dueNow(UUID channelId, Instant now) {
    jdbc.sql(
            """
            update delivery set status = 'PENDING', next_attempt_at = ?
            where channel_id = ? and status in ('PENDING', 'PARKED') and next_attempt_at > ?""")
        .params(Timestamp.from(now), channelId, Timestamp.from(now))
        .update();
  }

  long count(String status) {
    return jdbc.sql("select count(*) from delivery where status = ?")
        .param(status)
        .query(Long.class)
        .single();
  }

  /**
   * Deletes up to {@code limit} deliveries that were done (sent, cancelled or dropped) before
   * {@code before}; parked and pending ones are kept whatever their age.
   */
  int purgeDone(Instant before, int limit) {
    return jdbc.sql(
            """
            delete from delivery where id in (
                select id from delivery
                where status in ('SENT', 'CANCELLED', 'DROPPED') and created_at < ?
                limit ?)""")
        .params(Timestamp.from(before), limit)
        .update();
  }

  /**
   * Deletes up to {@code limit} notices older than {@code before} that are not among their alert's
   * {@code keep} newest (what its feed shows).
   */
  int purgeNotices(Instant before, int keep, int limit) {
    return jdbc.sql(
            """
            delete from notice where id in (
                select n.id from notice n
                where n.created_at < ?
                  and (select count(*) from notice m
                       where m.alert_id = n.alert_id and m.created_at > n.created_at) >= ?
                limit ?)""")
        .params(Timestamp.from(before), keep, limit)
        .update();
  }

  private static Delivery delivery(ResultSet rs, int row) throws SQLException {
    Timestamp expires = rs.getTimestamp("expires_at");
    return new Delivery(
        rs.getObject("id", UUID.class),
        rs.getObject("alert_id", UUID.class),
        rs.getObject("channel_id", UUID.class),
        ChannelType.valueOf(rs.getString("type")),
        rs.getString("target"),
        rs.getString("secret"),
        rs.getString("email"),
        rs.getString("payload"),
        rs.getInt("attempts"),
        rs.getInt("consecutive_failures"),
        expires == null ? null : expires.toInstant(),
        rs.getBoolean("active"),
        rs.getBoolean("confirmed"));
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
