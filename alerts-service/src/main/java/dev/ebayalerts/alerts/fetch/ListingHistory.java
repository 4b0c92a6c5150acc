package dev.ebayalerts.alerts.fetch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What each alert has told its owner about, per listing: the base of "only news". */
@Repository
class ListingHistory {

  private final JdbcTemplate jdbc;

  ListingHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, NewsFilter.Sent> of(UUID alertId) {
    return jdbc
        .query(
            "select item_id, seller, normalized_title, sent_price, seller_amount, seller_currency"
                + " from alert_listing where alert_id = ?",
            (row, n) ->
                new NewsFilter.Sent(
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    row.getBigDecimal(4),
                    row.getBigDecimal(5),
                    row.getString(6)),
            alertId)
        .stream()
        .collect(Collectors.toMap(NewsFilter.Sent::itemId, Function.identity()));
  }

  /** A listing told about, with the price (and seller's amount) it was told at. */
  record Told(FetchedListing listing, NewsFilter.Sent at) {}

  /**
   * Records listings as told about at their price, in one round trip. An existing row keeps its
   * first-seen time; its prices become the ones told.
   */
  void record(UUID alertId, List<Told> told, Instant now) {
    if (told.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(now);
    jdbc.batchUpdate(
        """
        insert into alert_listing (alert_id, item_id, seller, normalized_title, sent_price,
            currency, seller_amount, seller_currency, first_seen_at, last_sent_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (alert_id, item_id) do update set sent_price = excluded.sent_price,
            seller_amount = excluded.seller_amount, seller_currency = excluded.seller_currency,
            last_sent_at = excluded.last_sent_at""",
        told.stream()
            .map(
                t ->
                    new Object[] {
                      alertId,
                      t.listing().itemId(),
                      t.listing().seller(),
                      truncate(NewsFilter.normalize(t.listing().title())),
                      t.at().price(),
                      t.listing().currency(),
                      t.at().sellerAmount(),
                      t.at().sellerCurrency(),
                      at,
                      at
                    })
            .toList());
  }

  private static String truncate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300);
  }
}
