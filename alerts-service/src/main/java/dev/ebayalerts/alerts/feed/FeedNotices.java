package dev.ebayalerts.alerts.feed;

import dev.ebayalerts.alerts.delivery.NoticeListing;
import dev.ebayalerts.alerts.delivery.NoticePayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * What an alert told its owner about, read from the notices of its runs ({@code notice}: each row's
 * payload lists the new listings and price drops of one run, with the price told before for a
 * drop). A notice is stored when the run decides it, whatever the alert's channels are and whether
 * they took it yet: the feed is a way to hear about the alert that depends on no channel. Read
 * only.
 */
@Repository
class FeedNotices {

  /** One listing one run reported. */
  record Notice(
      UUID noticeId,
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
    // Every notice holds at least one listing, so `limit` notices always hold enough of them.
    List<Row> rows =
        jdbc.sql(
                """
                select id, created_at, payload::text as payload from notice
                where alert_id = ?
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
      List<NoticeListing> listings = json.readValue(row.payload(), NoticePayload.class).listings();
      for (int i = 0; i < listings.size() && notices.size() < limit; i++) {
        NoticeListing listing = listings.get(i);
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
