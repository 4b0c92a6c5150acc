package dev.ebayalerts.alerts.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code digest_item} store: what waits for an address's next digest, one row per run and
 * alert, written in the run's transaction and deleted in the one that turns it into a delivery.
 */
@Repository
class DigestItems {

  private final JdbcClient jdbc;

  DigestItems(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One waiting share of a run. */
  record Item(UUID id, UUID alertId, String payload, int listings) {}

  void add(
      String email,
      UUID alertId,
      String payload,
      int listings,
      Instant dueAt,
      Instant expiresAt,
      Instant now) {
    jdbc.sql(
            """
            insert into digest_item (id, email, alert_id, payload, listings, due_at, expires_at,
                                     created_at)
            values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
        .params(
            UUID.randomUUID(),
            email,
            alertId,
            payload,
            listings,
            Timestamp.from(dueAt),
            expiresAt == null ? null : Timestamp.from(expiresAt),
            Timestamp.from(now))
        .update();
  }

  /** Addresses with something due of an active alert, the longest due first. */
  List<String> dueAddresses(Instant now, int limit) {
    return jdbc.sql(
            """
            select i.email from digest_item i join alert a on a.id = i.alert_id
            where i.due_at <= ? and a.active
            group by i.email
            order by min(i.due_at)
            limit ?""")
        .params(Timestamp.from(now), limit)
        .query(String.class)
        .list();
  }

  /**
   * Locks up to {@code limit} of the address's due items of active alerts, oldest first, skipping
   * rows another instance holds: each item goes into exactly one digest. A paused alert's items
   * keep waiting.
   */
  List<Item> claimDue(String email, Instant now, int limit) {
    return jdbc.sql(
            """
            select i.id, i.alert_id, i.payload::text, i.listings
            from digest_item i join alert a on a.id = i.alert_id
            where i.email = ? and i.due_at <= ? and a.active
            order by i.created_at, i.id
            limit ?
            for update of i skip locked""")
        .params(email, Timestamp.from(now), limit)
        .query(
            (rs, n) ->
                new Item(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getInt(4)))
        .list();
  }

  void delete(List<UUID> ids) {
    jdbc.sql("delete from digest_item where id in (:ids)").param("ids", ids).update();
  }

  /** Moves what waits for the address to {@code dueAt}: its schedule changed. */
  void reschedule(String email, Instant dueAt) {
    jdbc.sql("update digest_item set due_at = ? where email = ?")
        .params(Timestamp.from(dueAt), email)
        .update();
  }

  /**
   * Deletes up to {@code limit} items no longer worth sending: every auction they told about ended,
   * or they waited since before {@code tooOld}.
   */
  int dropStale(Instant now, Instant tooOld, int limit) {
    return jdbc.sql(
            """
            delete from digest_item where id in (
                select id from digest_item where expires_at <= ? or created_at < ? limit ?)""")
        .params(Timestamp.from(now), Timestamp.from(tooOld), limit)
        .update();
  }
}
