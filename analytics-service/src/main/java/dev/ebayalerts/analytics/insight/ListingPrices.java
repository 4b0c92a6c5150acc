package dev.ebayalerts.analytics.insight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One listing's prices over the insight window, for the dashboard's chart of a listing: what the
 * alert's runs saw of it on the alert's current marketplace, like every insight.
 *
 * <p>A listing is seen by every run of its alert (every 2 minutes at the shortest: up to 10,080
 * observations in 14 days), and its price rarely moves. So a run of identical prices collapses to
 * its first and its last observation: the chart still shows how long a price held, from a few
 * points. At most {@link #LIMIT} points are returned, the latest: 100 price changes, more than any
 * listing shows in two weeks.
 *
 * <p>It reads the index {@code price_observation_alert_item_idx (alert_id, item_id, observed_at)}
 * (V1): one range, one listing's observations in the window. Their price and marketplace are read
 * from the table, one page per observation at worst (the runs of all alerts interleave there), so
 * about a thousand pages for a listing seen every 20 minutes for 14 days; the covering index (V6)
 * would read the whole window of the alert, every listing's, to find the one. {@code EXPLAIN
 * (ANALYZE, BUFFERS)} on PostgreSQL 17 with 2,016,000 rows (50 listings of 4 alerts, each seen
 * every 2 minutes for 14 days), abridged:
 *
 * <pre>
 * Sort (Sort Key: marked.observed_at)                       actual rows=42, 18.8 ms
 *   Limit -> Sort (Sort Key: marked.observed_at DESC)
 *     Subquery Scan on marked (Filter: price_before IS NULL OR ...)  Rows Removed: 10037
 *       WindowAgg -> Unique -> Sort (Sort Key: p.observed_at, p.price)  rows=10079
 *         Nested Loop (Join Filter: p.marketplace = a.marketplace)
 *           Seq Scan on alert_copy a (Filter: id = ...)     51 rows, 1 page
 *           Bitmap Heap Scan on price_observation p         Heap Blocks: exact=135
 *             Bitmap Index Scan on price_observation_alert_item_idx
 *               Index Cond: alert_id = ... AND item_id = 'v1|7|0'
 *                           AND observed_at >= ... AND observed_at <= ...
 * </pre>
 */
@Repository
class ListingPrices {

  /** The most points one listing's history holds. */
  static final int LIMIT = 200;

  /**
   * One price per run ({@code distinct on (observed_at)}: a run sees a listing once, its time is
   * the run's); a price is kept when it differs from the one before or the one after it, which
   * keeps the first and the last of each run of equal prices (and a lone price once); then the
   * latest {@code :limit} of those, oldest first.
   */
  static final String PRICES =
      """
      with runs as (
          select distinct on (p.observed_at) p.observed_at, p.price, p.currency
          from alert_copy a
          join price_observation p on p.alert_id = a.id and p.marketplace = a.marketplace
          where a.id = :alert and p.item_id = :item
            and p.observed_at >= :from and p.observed_at <= :to
          order by p.observed_at, p.price),
      marked as (
          select observed_at, price, currency,
                 lag(price) over w as price_before, lead(price) over w as price_after,
                 lag(currency) over w as currency_before, lead(currency) over w as currency_after
          from runs
          window w as (order by observed_at)),
      kept as (
          select observed_at, price, currency from marked
          where price_before is null or price_after is null
             or (price, currency) <> (price_before, currency_before)
             or (price, currency) <> (price_after, currency_after)
          order by observed_at desc
          limit :limit)
      select observed_at, price, currency from kept order by observed_at
      """;

  private final JdbcClient jdbc;
  private final InsightSettings settings;
  private final Clock clock;

  ListingPrices(JdbcClient jdbc, InsightSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /** The listing's prices over the window ending now, oldest first; empty when never seen. */
  List<ListingPrice> of(UUID alertId, String itemId) {
    Instant to = clock.instant();
    return jdbc.sql(PRICES)
        .param("alert", alertId)
        .param("item", itemId)
        .param("from", Timestamp.from(to.minus(settings.window())))
        .param("to", Timestamp.from(to))
        .param("limit", LIMIT)
        .query(
            (row, n) ->
                new ListingPrice(
                    row.getTimestamp("observed_at").toInstant(),
                    row.getBigDecimal("price"),
                    row.getString("currency")))
        .list();
  }
}
