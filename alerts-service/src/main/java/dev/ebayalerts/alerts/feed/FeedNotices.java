package dev.ebayalerts.alerts.feed;

import dev.ebayalerts.alerts.notification.AlertEmail;
import dev.ebayalerts.alerts.notification.EmailListing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * What an alert told its owner about, read from the alert emails it decided ({@code alert_email}:
 * each row's payload lists the new listings and price drops of one run, with the price told before
 * for a drop). Read only: the feed never changes what the notification side stores.
 *
 * <p>An email counts once it is decided, whether or not the mail server took it yet: the feed is a
 * way to hear about the alert that does not depend on email. Cancelled emails (the alert was paused
 * before they went out) do not count: their owner asked to hear nothing more.
 */
@Repository
class FeedNotices {

  /** One listing one run reported. */
  record Notice(
      UUID emailId,
      int position,
      Instant decidedAt,
      String itemId,
      String title,
      BigDecimal price,
      String currency,
      BigDecimal previousPrice,
      String imageUrl,
      String itemWebUrl) {

    boolean dropped() {
      return previousPrice != null;
    }
  }

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  FeedNotices(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The alert's newest notices first, at most {@code limit}. */
  List<Notice> newest(UUID alertId, int limit) {
    record Row(UUID id, Instant createdAt, String payload) {}
    // Every email holds at least one listing, so `limit` emails always hold enough of them.
    List<Row> rows =
        jdbc.sql(
                """
                select id, created_at, payload::text as payload from alert_email
                where alert_id = ? and status <> 'CANCELLED'
                order by created_at desc, id
                limit ?""")
            .params(alertId, limit)
            .query(
                (row, n) ->
                    new Row(
                        row.getObject("id", UUID.class),
                        row.getTimestamp("created_at").toInstant(),
                        row.getString("payload")))
            .list();
    List<Notice> notices = new ArrayList<>();
    for (Row row : rows) {
      // The payload is the email the sender renders, so the feed reads it the same way.
      List<EmailListing> listings = json.readValue(row.payload(), AlertEmail.class).listings();
      for (int i = 0; i < listings.size() && notices.size() < limit; i++) {
        EmailListing listing = listings.get(i);
        notices.add(
            new Notice(
                row.id(),
                i,
                row.createdAt(),
                listing.itemId(),
                listing.title(),
                listing.price(),
                listing.currency(),
                listing.previousPrice(),
                listing.imageUrl(),
                listing.itemWebUrl()));
      }
    }
    return notices;
  }
}
