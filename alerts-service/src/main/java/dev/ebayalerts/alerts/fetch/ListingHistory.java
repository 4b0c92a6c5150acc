package dev.ebayalerts.alerts.fetch;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    return of(List.of(alertId)).getOrDefault(alertId, Map.of());
  }

  /** The histories of many alerts in one query; an alert that told nothing yet has none. */
  Map<UUID, Map<String, NewsFilter.Sent>> of(Collection<UUID> alertIds) {
    Map<UUID, Map<String, NewsFilter.Sent>> histories = new HashMap<>();
    jdbc.query(
        "select alert_id, item_id, seller, normalized_title, sent_price, seller_amount,"
            + " seller_currency from alert_listing where alert_id = any(?)",
        (ResultSet row) -> {
          NewsFilter.Sent sent =
              new NewsFilter.Sent(
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  row.getBigDecimal(5),
                  row.getBigDecimal(6),
                  row.getString(7));
          histories
              .computeIfAbsent(row.getObject(1, UUID.class), id -> new HashMap<>())
              .put(sent.itemId(), sent);
        },
        (Object) alertIds.toArray(UUID[]::new));
    return histories;
  }

  /** A listing told about, with the price (and seller's amount) it was told at. */
  record Told(FetchedListing listing, NewsFilter.Sent at) {}

  /**
   * Records listings as told about at their price, in one round trip. An existing row keeps its
   * first-seen time; its prices become the ones told.
   */
  void record(UUID alertId, List<Told> told, Instant now) {
    record(Map.of(alertId, told), now);
  }

  /** {@link #record(UUID, List, Instant)} for many alerts in one round trip. */
  void record(Map<UUID, List<Told>> toldByAlert, Instant now) {
    List<Object[]> rows = new ArrayList<>();
    Timestamp at = Timestamp.from(now);
    toldByAlert.forEach(
        (alertId, told) -> {
          // One row per listing: the batch is sent as multi-row upserts (reWriteBatchedInserts),
          // and one may not touch a row twice. EbaySearches already merges an item eBay lists
          // twice; this keeps any caller's batch safe. The last told price wins, as one by one.
          Map<String, Told> byItem = new LinkedHashMap<>();
          told.forEach(t -> byItem.put(t.listing().itemId(), t));
          for (Told t : byItem.values()) {
            rows.add(
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
                });
          }
        });
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        """
        insert into alert_listing (alert_id, item_id, seller, normalized_title, sent_price,
            currency, seller_amount, seller_currency, first_seen_at, last_sent_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (alert_id, item_id) do update set sent_price = excluded.sent_price,
            seller_amount = excluded.seller_amount, seller_currency = excluded.seller_currency,
            last_sent_at = excluded.last_sent_at""",
        rows);
  }

  private static String truncate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300);
  }
}
