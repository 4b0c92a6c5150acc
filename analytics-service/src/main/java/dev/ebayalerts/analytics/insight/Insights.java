package dev.ebayalerts.analytics.insight;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price insights computed in PostgreSQL over the observations of one alert: aggregates and window
 * functions over the window's rows, so only the answers travel, never the observations.
 *
 * <p>Every figure counts a listing once per day, at its last price that day ({@code daily} below).
 * Medians are PostgreSQL's {@code percentile_cont(0.5)} (the mean of the two middle values for an
 * even count) rounded to cents; percentages are rounded to 2 decimals.
 */
@Service
public class Insights {

  /** The window's observations of the alert, and one price per listing per UTC day. */
  private static final String WINDOW =
      """
      with obs as (
          select item_id, title, item_web_url, price, currency, observed_at,
                 (observed_at at time zone 'UTC')::date as day
          from price_observation
          where alert_id = :alert and observed_at >= :from and observed_at <= :to),
      daily as (
          select distinct on (currency, item_id, day) currency, item_id, day, price
          from obs
          order by currency, item_id, day, observed_at desc),
      medians as (
          select currency, percentile_cont(0.5) within group (order by price) as median
          from daily group by currency),
      items as (
          select currency, item_id,
                 (array_agg(price order by observed_at))[1] as first_price,
                 (array_agg(price order by observed_at desc))[1] as last_price,
                 min(price) as min_price, max(price) as max_price,
                 (array_agg(title order by observed_at desc))[1] as title,
                 (array_agg(item_web_url order by observed_at desc))[1] as url,
                 max(observed_at) as last_seen
          from obs group by currency, item_id)
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
    Instant to = clock.instant();
    Instant from = to.minus(settings.window());
    Map<String, List<ListingMove>> drops = drops(alertId, from, to);
    Map<String, List<ListingMove>> lowest = atLowest(alertId, from, to);
    Map<String, List<Deal>> deals = deals(alertId, from, to);
    List<CurrencyInsights> currencies =
        jdbc.sql(
                WINDOW
                    + """
                    , firsts as (
                        select currency, item_id, min(observed_at) as first_seen
                        from price_observation where alert_id = :alert
                        group by currency, item_id),
                    series as (
                        select currency, day,
                               percentile_cont(0.5) within group (order by price) as median
                        from daily group by currency, day),
                    trend as (
                        select currency,
                               (array_agg(median order by day))[1] as start_median,
                               (array_agg(median order by day desc))[1] as now_median
                        from series group by currency)
                    select d.currency,
                           count(distinct d.item_id) as tracked,
                           (select count(*) from firsts f
                             where f.currency = d.currency and f.first_seen >= :from
                               and f.first_seen <= :to) as new_listings,
                           min(d.price) as lowest, max(d.price) as highest,
                           round(avg(d.price), 2) as average,
                           round(percentile_cont(0.5) within group (order by d.price)::numeric, 2)
                               as median,
                           round((percentile_cont(0.5) within group (order by d.price)
                               filter (where d.day = :today))::numeric, 2) as today_median,
                           round(t.start_median::numeric, 2) as start_median,
                           round(t.now_median::numeric, 2) as now_median
                    from daily d join trend t on t.currency = d.currency
                    group by d.currency, t.start_median, t.now_median
                    order by d.currency
                    """)
            .param("alert", alertId)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .param("today", LocalDate.ofInstant(to, ZoneOffset.UTC))
            .query(
                (row, n) -> {
                  String currency = row.getString("currency");
                  BigDecimal median = row.getBigDecimal("median");
                  BigDecimal today = row.getBigDecimal("today_median");
                  BigDecimal start = row.getBigDecimal("start_median");
                  BigDecimal now = row.getBigDecimal("now_median");
                  return new CurrencyInsights(
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
                      drops.getOrDefault(currency, List.of()),
                      lowest.getOrDefault(currency, List.of()),
                      deals.getOrDefault(currency, List.of()));
                })
            .list();
    return new AlertInsights(alertId, from, to, currencies);
  }

  /** Daily min, median and max over the window, per currency, oldest day first. */
  @Transactional(readOnly = true)
  public List<PricePoint> history(UUID alertId) {
    Instant to = clock.instant();
    return jdbc.sql(
            WINDOW
                + """
                select currency, day, min(price) as min,
                       round(percentile_cont(0.5) within group (order by price)::numeric, 2)
                           as median,
                       max(price) as max, count(*) as listings
                from daily group by currency, day order by currency, day
                """)
        .param("alert", alertId)
        .param("from", Timestamp.from(to.minus(settings.window())))
        .param("to", Timestamp.from(to))
        .query(
            (row, n) ->
                new PricePoint(
                    row.getString("currency"),
                    row.getObject("day", LocalDate.class),
                    row.getBigDecimal("min"),
                    row.getBigDecimal("median"),
                    row.getBigDecimal("max"),
                    row.getLong("listings")))
        .list();
  }

  private Map<String, List<ListingMove>> drops(UUID alertId, Instant from, Instant to) {
    return moves(
        alertId,
        from,
        to,
        """
        select currency, item_id, title, url, first_price as old_price, last_price as new_price
        from (select *, row_number() over (partition by currency
                  order by (last_price - first_price) / first_price, item_id) as rank
              from items where last_price < first_price) ranked
        where rank <= :top order by currency, rank
        """);
  }

  private Map<String, List<ListingMove>> atLowest(UUID alertId, Instant from, Instant to) {
    return moves(
        alertId,
        from,
        to,
        """
        select currency, item_id, title, url, max_price as old_price, last_price as new_price
        from (select *, row_number() over (partition by currency
                  order by (last_price - max_price) / max_price, item_id) as rank
              from items
              where last_price = min_price and max_price > min_price
                and last_seen >= :listedSince) ranked
        where rank <= :top order by currency, rank
        """);
  }

  private Map<String, List<ListingMove>> moves(
      UUID alertId, Instant from, Instant to, String select) {
    return jdbc
        .sql(WINDOW + select)
        .param("alert", alertId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("top", settings.topListings())
        .param("listedSince", Timestamp.from(to.minus(settings.stillListedWithin())))
        .query(
            (row, n) ->
                Map.entry(
                    row.getString("currency"),
                    new ListingMove(
                        row.getString("item_id"),
                        row.getString("title"),
                        row.getString("url"),
                        row.getBigDecimal("old_price"),
                        row.getBigDecimal("new_price"),
                        percentChange(
                            row.getBigDecimal("old_price"), row.getBigDecimal("new_price")))))
        .list()
        .stream()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private Map<String, List<Deal>> deals(UUID alertId, Instant from, Instant to) {
    return jdbc
        .sql(
            WINDOW
                + """
                select currency, item_id, title, url, last_price,
                       round((100 * (median - last_price) / median)::numeric, 2) as below
                from (select i.*, m.median, row_number() over (partition by i.currency
                          order by i.last_price / m.median, i.item_id) as rank
                      from items i join medians m on m.currency = i.currency
                      where i.last_seen >= :listedSince and i.last_price < m.median) ranked
                where rank <= :top order by currency, rank
                """)
        .param("alert", alertId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("top", settings.topListings())
        .param("listedSince", Timestamp.from(to.minus(settings.stillListedWithin())))
        .query(
            (row, n) ->
                Map.entry(
                    row.getString("currency"),
                    new Deal(
                        row.getString("item_id"),
                        row.getString("title"),
                        row.getString("url"),
                        row.getBigDecimal("last_price"),
                        row.getBigDecimal("below"))))
        .list()
        .stream()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  /** From {@code before} to {@code after} in percent, 2 decimals; null when either is missing. */
  static BigDecimal percentChange(BigDecimal before, BigDecimal after) {
    if (before == null || after == null || before.signum() == 0) {
      return null;
    }
    return after
        .subtract(before)
        .multiply(BigDecimal.valueOf(100))
        .divide(before, 2, java.math.RoundingMode.HALF_UP);
  }
}
