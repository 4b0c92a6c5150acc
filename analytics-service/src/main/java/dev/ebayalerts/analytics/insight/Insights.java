package dev.ebayalerts.analytics.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price insights computed in PostgreSQL over the observations of many alerts at once: aggregates
 * and window functions over the window's rows, so only the answers travel, never the observations.
 *
 * <p>Every figure counts a listing once per day, at its last price that day ({@code daily} below).
 * Medians are PostgreSQL's {@code percentile_cont(0.5)} (the mean of the two middle values for an
 * even count) rounded to cents; percentages are rounded to 2 decimals.
 *
 * <p>The figures read only the columns of the covering index {@code (alert_id, observed_at) include
 * (item_id, currency, price)}, an index-only scan of a few pages per alert, where the table rows of
 * one alert lie on as many pages as it has observations (fetches of all alerts interleave). Titles
 * and links are read from the table for the few listings shown. Up to {@link #BATCH} alerts share
 * one query, so the digest of thousands of alerts runs a few queries per batch, not several per
 * alert.
 */
@Service
public class Insights {

  /** Alerts per query: large enough to amortise each query, small enough to sort in memory. */
  static final int BATCH = 200;

  /**
   * The window's observations of the alerts, and one price per listing per UTC day. {@code obs} is
   * never materialised: each use scans the index again (a few pages per alert) and so keeps its
   * order by alert, which lets every sort below work one alert at a time, in memory.
   */
  static final String WINDOW =
      """
      with obs as not materialized (
          select alert_id, item_id, price, currency, observed_at,
                 (observed_at at time zone 'UTC')::date as day
          from price_observation
          where alert_id = any(:alerts) and observed_at >= :from and observed_at <= :to),
      daily as (
          select distinct on (alert_id, currency, item_id, day)
                 alert_id, currency, item_id, day, price
          from obs
          order by alert_id, currency, item_id, day, observed_at desc)
      """;

  /** The figures of each alert and currency. */
  static final String FIGURES =
      WINDOW
          + """
          , firsts as (
              select alert_id, currency,
                     count(*) filter (where first_seen >= :from and first_seen <= :to) as fresh
              from (select alert_id, currency, item_id, min(observed_at) as first_seen
                    from price_observation where alert_id = any(:alerts)
                    group by alert_id, currency, item_id) listing
              group by alert_id, currency),
          series as (
              select alert_id, currency, day,
                     percentile_cont(0.5) within group (order by price) as median
              from daily group by alert_id, currency, day),
          trend as (
              select alert_id, currency,
                     (array_agg(median order by day))[1] as start_median,
                     (array_agg(median order by day))[count(*)] as now_median
              from series group by alert_id, currency),
          figures as (
              select alert_id, currency,
                     count(distinct item_id) as tracked,
                     min(price) as lowest, max(price) as highest,
                     round(avg(price), 2) as average,
                     round(percentile_cont(0.5) within group (order by price)::numeric, 2)
                         as median,
                     round((percentile_cont(0.5) within group (order by price)
                         filter (where day = :today))::numeric, 2) as today_median
              from daily group by alert_id, currency)
          select g.*, coalesce(f.fresh, 0) as new_listings,
                 round(t.start_median::numeric, 2) as start_median,
                 round(t.now_median::numeric, 2) as now_median
          from figures g
          join trend t on t.alert_id = g.alert_id and t.currency = g.currency
          left join firsts f on f.alert_id = g.alert_id and f.currency = g.currency
          order by g.alert_id, g.currency
          """;

  /**
   * The listings each alert's insights name: biggest drops, listings at their lowest, best deals,
   * ranked per alert and currency; only those shown fetch their latest title and link.
   */
  static final String LISTINGS =
      WINDOW
          + """
          , medians as (
              select alert_id, currency,
                     percentile_cont(0.5) within group (order by price) as median
              from daily group by alert_id, currency),
          items as (
              select alert_id, currency, item_id,
                     (array_agg(price order by observed_at))[1] as first_price,
                     (array_agg(price order by observed_at))[count(*)] as last_price,
                     min(price) as min_price, max(price) as max_price,
                     max(observed_at) as last_seen
              from obs group by alert_id, currency, item_id),
          ranked as (
              select 'drop' as kind, alert_id, currency, item_id,
                     first_price as old_price, last_price as new_price, null::numeric as below,
                     row_number() over (partition by alert_id, currency
                         order by (last_price - first_price) / first_price, item_id) as rank
              from items where last_price < first_price
              union all
              select 'lowest', alert_id, currency, item_id, max_price, last_price, null,
                     row_number() over (partition by alert_id, currency
                         order by (last_price - max_price) / max_price, item_id)
              from items
              where last_price = min_price and max_price > min_price
                and last_seen >= :listedSince
              union all
              select 'deal', i.alert_id, i.currency, i.item_id, null, i.last_price,
                     round((100 * (m.median - i.last_price) / m.median)::numeric, 2),
                     row_number() over (partition by i.alert_id, i.currency
                         order by i.last_price / m.median, i.item_id)
              from items i join medians m on m.alert_id = i.alert_id and m.currency = i.currency
              where i.last_seen >= :listedSince and i.last_price < m.median)
          select r.kind, r.alert_id, r.currency, r.item_id, r.old_price, r.new_price, r.below,
                 latest.title, latest.item_web_url
          from ranked r
          left join lateral (
              select title, item_web_url from price_observation p
              where p.alert_id = r.alert_id and p.item_id = r.item_id
                and p.observed_at >= :from and p.observed_at <= :to
                and p.currency = r.currency
              order by p.observed_at desc limit 1) latest on true
          where r.rank <= :top
          order by r.alert_id, r.kind, r.currency, r.rank
          """;

  /** Daily min, median and max per alert and currency. */
  static final String HISTORY =
      WINDOW
          + """
          select alert_id, currency, day, min(price) as min,
                 round(percentile_cont(0.5) within group (order by price)::numeric, 2)
                     as median,
                 max(price) as max, count(*) as listings
          from daily group by alert_id, currency, day order by alert_id, currency, day
          """;

  private final JdbcClient jdbc;
  private final InsightSettings settings;
  private final Clock clock;

  Insights(JdbcClient jdbc, InsightSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /** The alert's insights over the window ending now; no currencies when nothing was observed. */
  @Transactional(readOnly = true)
  public AlertInsights forAlert(UUID alertId) {
    return forAlerts(List.of(alertId)).get(alertId);
  }

  /** Daily min, median and max over the window, per currency, oldest day first. */
  @Transactional(readOnly = true)
  public List<PricePoint> history(UUID alertId) {
    return histories(List.of(alertId)).get(alertId);
  }

  /**
   * The insights of each alert over the window ending now, in the order given; an alert without
   * observations has no currencies.
   */
  @Transactional(readOnly = true)
  public Map<UUID, AlertInsights> forAlerts(Collection<UUID> alertIds) {
    Instant to = clock.instant();
    Instant from = to.minus(settings.window());
    Map<UUID, AlertInsights> result = new LinkedHashMap<>();
    for (List<UUID> batch : batches(alertIds)) {
      Map<UUID, List<CurrencyInsights>> figures = figures(batch, from, to);
      for (UUID id : batch) {
        result.put(id, new AlertInsights(id, from, to, figures.getOrDefault(id, List.of())));
      }
    }
    return result;
  }

  /** The price history of each alert, in the order given; empty without observations. */
  @Transactional(readOnly = true)
  public Map<UUID, List<PricePoint>> histories(Collection<UUID> alertIds) {
    Instant to = clock.instant();
    Map<UUID, List<PricePoint>> result = new LinkedHashMap<>();
    for (List<UUID> batch : batches(alertIds)) {
      Map<UUID, List<PricePoint>> points = new HashMap<>();
      query(HISTORY, batch, to.minus(settings.window()), to)
          .query(
              (RowCallbackHandler)
                  row ->
                      points
                          .computeIfAbsent(
                              row.getObject("alert_id", UUID.class), id -> new ArrayList<>())
                          .add(
                              new PricePoint(
                                  row.getString("currency"),
                                  row.getObject("day", LocalDate.class),
                                  row.getBigDecimal("min"),
                                  row.getBigDecimal("median"),
                                  row.getBigDecimal("max"),
                                  row.getLong("listings"))));
      batch.forEach(id -> result.put(id, points.getOrDefault(id, List.of())));
    }
    return result;
  }

  private Map<UUID, List<CurrencyInsights>> figures(List<UUID> batch, Instant from, Instant to) {
    Map<Key, Listings> listings = listings(batch, from, to);
    Map<UUID, List<CurrencyInsights>> figures = new HashMap<>();
    query(FIGURES, batch, from, to)
        .param("today", LocalDate.ofInstant(to, ZoneOffset.UTC))
        .query(
            (RowCallbackHandler)
                row -> {
                  UUID alert = row.getObject("alert_id", UUID.class);
                  String currency = row.getString("currency");
                  BigDecimal median = row.getBigDecimal("median");
                  BigDecimal today = row.getBigDecimal("today_median");
                  BigDecimal start = row.getBigDecimal("start_median");
                  BigDecimal now = row.getBigDecimal("now_median");
                  Listings named = listings.getOrDefault(new Key(alert, currency), Listings.NONE);
                  figures
                      .computeIfAbsent(alert, id -> new ArrayList<>())
                      .add(
                          new CurrencyInsights(
                              currency,
                              row.getLong("tracked"),
                              row.getLong("new_listings"),
                              row.getBigDecimal("lowest"),
                              row.getBigDecimal("highest"),
                              row.getBigDecimal("average"),
                              median,
                              today,
                              percentChange(median, today),
                              start,
                              now,
                              now.subtract(start),
                              percentChange(start, now),
                              List.copyOf(named.drops()),
                              List.copyOf(named.lowest()),
                              List.copyOf(named.deals())));
                });
    return figures;
  }

  private record Key(UUID alert, String currency) {}

  private record Listings(List<ListingMove> drops, List<ListingMove> lowest, List<Deal> deals) {
    static final Listings NONE = new Listings(List.of(), List.of(), List.of());

    static Listings empty() {
      return new Listings(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  private Map<Key, Listings> listings(List<UUID> batch, Instant from, Instant to) {
    Map<Key, Listings> listings = new HashMap<>();
    query(LISTINGS, batch, from, to)
        .param("top", settings.topListings())
        .param("listedSince", Timestamp.from(to.minus(settings.stillListedWithin())))
        .query(
            (RowCallbackHandler)
                row -> {
                  Listings named =
                      listings.computeIfAbsent(
                          new Key(row.getObject("alert_id", UUID.class), row.getString("currency")),
                          key -> Listings.empty());
                  switch (row.getString("kind")) {
                    case "drop" -> named.drops().add(move(row));
                    case "lowest" -> named.lowest().add(move(row));
                    default ->
                        named
                            .deals()
                            .add(
                                new Deal(
                                    row.getString("item_id"),
                                    row.getString("title"),
                                    row.getString("item_web_url"),
                                    row.getBigDecimal("new_price"),
                                    row.getBigDecimal("below")));
                  }
                });
    return listings;
  }

  private static ListingMove move(ResultSet row) throws SQLException {
    BigDecimal before = row.getBigDecimal("old_price");
    BigDecimal after = row.getBigDecimal("new_price");
    return new ListingMove(
        row.getString("item_id"),
        row.getString("title"),
        row.getString("item_web_url"),
        before,
        after,
        percentChange(before, after));
  }

  private JdbcClient.StatementSpec query(String sql, List<UUID> batch, Instant from, Instant to) {
    return jdbc.sql(sql)
        .param("alerts", batch.toArray(UUID[]::new))
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to));
  }

  private static List<List<UUID>> batches(Collection<UUID> alertIds) {
    List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(alertIds));
    List<List<UUID>> batches = new ArrayList<>();
    for (int start = 0; start < distinct.size(); start += BATCH) {
      batches.add(distinct.subList(start, Math.min(start + BATCH, distinct.size())));
    }
    return batches;
  }

  /** From {@code before} to {@code after} in percent, 2 decimals; null when either is missing. */
  static BigDecimal percentChange(BigDecimal before, BigDecimal after) {
    if (before == null || after == null || before.signum() == 0) {
      return null;
    }
    return after
        .subtract(before)
        .multiply(BigDecimal.valueOf(100))
        .divide(before, 2, RoundingMode.HALF_UP);
  }
}
