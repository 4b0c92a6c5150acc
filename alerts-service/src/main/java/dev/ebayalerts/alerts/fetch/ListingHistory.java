package dev.ebayalerts.alerts.fetch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each alert has told its owner about, per listing: the base of "only news". */
@Repository
class ListingHistory {

  private final JdbcClient jdbc;

  ListingHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, NewsFilter.Sent> of(UUID alertId) {
    return jdbc
        .sql(
            "select item_id, seller, normalized_title, sent_price from alert_listing"
                + " where alert_id = ?")
        .param(alertId)
        .query(
            (row, n) ->
                new NewsFilter.Sent(
                    row.getString(1), row.getString(2), row.getString(3), row.getBigDecimal(4)))
        .list()
        .stream()
        .collect(Collectors.toMap(NewsFilter.Sent::itemId, Function.identity()));
  }

  /**
   * Records a listing as told about at {@code price}. An existing row keeps its first-seen time;
   * its price becomes the one told.
   */
  void record(UUID alertId, FetchedListing listing, java.math.BigDecimal price, Instant now) {
    jdbc.sql(
            """
            insert into alert_listing (alert_id, item_id, seller, normalized_title, sent_price,
                currency, first_seen_at, last_sent_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (alert_id, item_id) do update set sent_price = excluded.sent_price,
                last_sent_at = excluded.last_sent_at""")
        .params(
            alertId,
            listing.itemId(),
            listing.seller(),
            truncate(NewsFilter.normalize(listing.title())),
            price,
            listing.currency(),
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }

  private static String truncate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300);
  }
}
