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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Price insights computed in PostgreSQL over the observations of many alerts at once: aggregates
 * and window functions over the window's rows, so only the answers travel, never the observations.
 *
 * <p>Every figure counts a listing once per day, at its last price that day ({@code daily} below).
 * Medians are PostgreSQL's {@code percentile_cont(0.5)} (the mean of the two middle values for an
 * even count) rounded to cents; percentages are rounded to 2 decimals.
 *
 * <p>Only the observations made on the alert's current marketplace count (see {@link #WINDOW});
 * each marketplace's prices are still kept apart per currency.
 *
 * <p>The figures read only the columns of the covering index {@code (alert_id, marketplace,
 * observed_at) include (item_id, currency, price)}, an index-only scan of a few pages per alert,
 * where the table rows of one alert lie on as many pages as it has observations (fetches of all
 * alerts interleave). Titles and links are read from the table for the few listings shown. Up to
 * {@link #BATCH} alerts share one query, so the digest of thousands of alerts runs one query per
 * batch, not several per alert; the batches of one call run in parallel on a small pool ({@link
 * BatchPool}), each in its own read-only transaction, repeatable read so that the alerts'
 * marketplaces and their figures are of one moment.
 */
@Service
public class Insights {

  /** Alerts per query: large enough to amortise each query, small enough to sort in memory. */
  static final int BATCH = 200;

  /**
   * The window's observations of the alerts, reduced in one sort to one row per listing and UTC day
   * ({@code days}: its prices that day in time order, lowest, highest, last seen), and from it one
   * price per listing per day, its last ({@code daily}). {@code obs} is never materialised: it is
   * an index-only scan in alert order, which lets the sort work one alert at a time, in memory.
   *
   * <p>Insights never mix marketplaces: {@code alert_market} says which observations of each alert
   * count, those made on the alert's current marketplace (an alert moved from EBAY_DE to EBAY_FR,
   * both in EUR, counts only French prices from then on), and every read of {@code
   * price_observation} joins it, so no figure can see another marketplace's rows. Not materialised:
   * inlined, it is a primary-key probe per alert, and {@code obs} keeps its alert order (a CTE scan
   * has none).
   */
  static final String WINDOW =
      """
      with alert_market as not materialized (
          select id as alert_id, marketplace from alert_copy where id = any(:alerts)),
      obs as not materialized (
          select p.alert_id, p.item_id, p.price, p.currency, p.observed_at,
                 (p.observed_at at time zone 'UTC')::date as day
          from alert_market m
          join price_observation p
              on p.alert_id = m.alert_id and p.marketplace = m.marketplace
          where p.observed_at >= :from and p.observed_at <= :to),
      days as (
          select alert_id, currency, item_id, day,
                 array_agg(price order by observed_at) as prices,
                 min(price) as min_price, max(price) as max_price,
                 max(observed_at) as last_seen
          from obs group by alert_id, currency, item_id, day),
      daily as (
          select alert_id, currency, item_id, day, prices[cardinality(prices)] as price
          from days)
      """;

  /**
   * Everything the insights of each alert and currency show, in one query so that the window's rows
   * are read and reduced to daily prices once: the figures, the listings they name (biggest drops,
   * listings at their lowest, best deals, ranked per alert and currency, as arrays in rank order;
   * only those shown fetch their latest title and link) and the daily history (the rows of {@link
   * #HISTORY}, as arrays oldest day first, from the same per-day medians the trend uses).
   *
   * <p>Best deals are believable ones. On eBay a listing far below the rest of its search is mostly
   * an accessory, a spare part, the box only or a scam ("Lego Millennium Falcon Sealed" at $1.60
   * against a median of $46.99), so listings below a lower fence ({@code lower_fence}) are left out
   * of the deals and listed apart as {@code suspicious}, with {@link Deal#FAR_BELOW_TYPICAL}. The
   * fence is Tukey's on the logarithms of the same daily prices the median is of: {@code exp(q1 -
   * 1.5 * (q3 - q1))}, q1 and q3 the quartiles of {@code ln(price)}, i.e. {@code Q1 * (Q1 /
   * Q3)^1.5} in prices. Logarithms, because prices spread by ratios (a listing at half the median
   * is as far off as one at double) and are skewed right, so a fence on plain prices would fall
   * below zero and never catch anything. Quartiles, because they do not move with the outliers they
   * are to catch (a mean and standard deviation would). The fence is at most half the median, so a
   * listing at or above half the median is always a deal however tightly the others cluster
   * (identical prices give a spread of 0 and a fence at Q1).
   *
   * <p>With numbers: Q1 $42, median $46.99, Q3 $52: Tukey's fence is 42 * (42/52)^1.5 = $30.49,
   * half the median $23.50, so the fence is $23.50: $35.24 (25 % under the median) is a deal, $1.60
   * is suspicious. Used cameras with Q1 $150, median $250, Q3 $400: 150 * (150/400)^1.5 = $34.45
   * (half the median, $125, is higher), so a $40 camera is still a deal, a $20 one is not.
   *
   * <p>A listing is new when nothing of it was observed before the window: one probe of the (alert,
   * item, time) index per listing rather than reading all of the alert's observations.
   */
  static final String FIGURES =
      WINDOW
          + """
          , items as (
              select alert_id, currency, item_id,
                     (array_agg(prices[1] order by day))[1] as first_price,
                     (array_agg(prices[cardinality(prices)] order by day))[count(*)] as last_price,
                     min(min_price) as min_price, max(max_price) as max_price,
                     max(last_seen) as last_seen
              from days group by alert_id, currency, item_id),
          firsts as (
              select i.alert_id, i.currency, count(*) as fresh
              from items i join alert_market m on m.alert_id = i.alert_id
              -- a scalar subquery with a limit stays one index probe per listing; as NOT EXISTS
              -- the planner may turn it into an anti-join over the whole table
              where (select 1 from price_observation p
                     where p.alert_id = i.alert_id and p.marketplace = m.marketplace
                       and p.item_id = i.item_id and p.currency = i.currency
                       and p.observed_at < :from
                     limit 1) is null
              group by i.alert_id, i.currency),
          series as (
              select alert_id, currency, day,
                     percentile_cont(0.5) within group (order by price) as median,
                     min(price) as min, max(price) as max, count(*) as listings
              from daily group by alert_id, currency, day),
          trend as (
              select alert_id, currency,
                     (array_agg(median order by day))[1] as start_median,
                     (array_agg(median order by day))[count(*)] as now_median,
                     array_agg(day::text order by day) as history_days,
                     array_agg(min order by day) as history_mins,
                     array_agg(round(median::numeric, 2) order by day) as history_medians,
                     array_agg(max order by day) as history_maxes,
                     array_agg(listings order by day) as history_listings
              from series group by alert_id, currency),
          figures as (
              select alert_id, currency,
                     count(distinct item_id) as tracked,
                     min(price) as lowest, max(price) as highest,
                     round(avg(price), 2) as average,
                     percentile_cont(0.5) within group (order by price) as exact_median,
                     round(percentile_cont(0.5) within group (order by price)::numeric, 2)
                         as median,
                     round((percentile_cont(0.5) within group (order by price)
                         filter (where day = :today))::numeric, 2) as today_median,
                     percentile_cont(0.25) within group (order by ln(greatest(price, 0.01))::float8)
                         as log_q1,
                     percentile_cont(0.75) within group (order by ln(greatest(price, 0.01))::float8)
                         as log_q3
              from daily group by alert_id, currency),
          fenced as (
              -- below it a listing is implausibly cheap: see FIGURES
              select f.*,
                     round(least(exp(log_q1 - 1.5 * (log_q3 - log_q1)),
                                 exact_median * 0.5)::numeric, 2) as lower_fence
              from figures f),
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
                     round((100 * (m.exact_median - i.last_price) / m.exact_median)::numeric, 2),
                     row_number() over (partition by i.alert_id, i.currency
                         order by i.last_price / m.exact_median, i.item_id)
              from items i join fenced m on m.alert_id = i.alert_id and m.currency = i.currency
              where i.last_seen >= :listedSince and i.last_price < m.exact_median
                and i.last_price >= m.lower_fence
              union all
              select 'suspicious', i.alert_id, i.currency, i.item_id, null, i.last_price,
                     round((100 * (m.exact_median - i.last_price) / m.exact_median)::numeric, 2),
                     row_number() over (partition by i.alert_id, i.currency
                         order by i.last_price / m.exact_median, i.item_id)
              from items i join fenced m on m.alert_id = i.alert_id and m.currency = i.currency
              where i.last_seen >= :listedSince and i.last_price < m.lower_fence),
          named as (
              select r.kind, r.alert_id, r.currency,
                     array_agg(r.item_id order by r.rank) as item_ids,
                     array_agg(latest.title order by r.rank) as titles,
                     array_agg(latest.item_web_url order by r.rank) as urls,
                     array_agg(r.old_price order by r.rank) as old_prices,
                     array_agg(r.new_price order by r.rank) as new_prices,
                     array_agg(r.below order by r.rank) as belows
              from ranked r
              join alert_market m on m.alert_id = r.alert_id
              -- the link of the alert's marketplace: an item listed on several has one on each
              left join lateral (
                  select title, item_web_url from price_observation p
                  where p.alert_id = r.alert_id and p.item_id = r.item_id
                    and p.observed_at >= :from and p.observed_at <= :to
                    and p.currency = r.currency and p.marketplace = m.marketplace
                  order by p.observed_at desc limit 1) latest on true
              where r.rank <= :top
              group by r.kind, r.alert_id, r.currency)
          select g.alert_id, g.currency, g.tracked, g.lowest, g.highest, g.average, g.median,
                 g.today_median, g.lower_fence, coalesce(f.fresh, 0) as new_listings,
                 round(t.start_median::numeric, 2) as start_median,
                 round(t.now_median::numeric, 2) as now_median,
                 t.history_days, t.history_mins, t.history_medians, t.history_maxes,
                 t.history_listings,
                 d.item_ids as drop_items, d.titles as drop_titles, d.urls as drop_urls,
                 d.old_prices as drop_old, d.new_prices as drop_new,
                 l.item_ids as lowest_items, l.titles as lowest_titles, l.urls as lowest_urls,
                 l.old_prices as lowest_old, l.new_prices as lowest_new,
                 e.item_ids as deal_items, e.titles as deal_titles, e.urls as deal_urls,
                 e.new_prices as deal_new, e.belows as deal_below,
                 s.item_ids as suspicious_items, s.titles as suspicious_titles,
                 s.urls as suspicious_urls, s.new_prices as suspicious_new,
                 s.belows as suspicious_below
          from fenced g
          join trend t on t.alert_id = g.alert_id and t.currency = g.currency
          left join firsts f on f.alert_id = g.alert_id and f.currency = g.currency
          left join named d
              on d.kind = 'drop' and d.alert_id = g.alert_id and d.currency = g.currency
          left join named l
              on l.kind = 'lowest' and l.alert_id = g.alert_id and l.currency = g.currency
          left join named e
              on e.kind = 'deal' and e.alert_id = g.alert_id and e.currency = g.currency
          left join named s
              on s.kind = 'suspicious' and s.alert_id = g.alert_id and s.currency = g.currency
          order by g.alert_id, g.currency
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
  private final TransactionTemplate readOnly;
  private final AsyncTaskExecutor batches;

  Insights(
      JdbcClient jdbc,
      InsightSettings settings,
      Clock clock,
      PlatformTransactionManager transactionManager,
      @Qualifier(BATCHES) AsyncTaskExecutor batches) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    // one snapshot for the marketplaces and the figures: an alert moved meanwhile is either side
    this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.batches = batches;
  }

  /** The name of the pool the batches run on. */
  static final String BATCHES = "insightBatches";

  /**
   * The pool the batches of a call run on: {@code parallelism} threads (each batch holds a database
   * connection), shut down with the context. A call queues its batches; if calls ever queue more
   * than {@value #QUEUED_BATCHES}, the caller runs the next batch itself rather than failing. Not a
   * default candidate, so it is nobody's general-purpose executor.
   */
  @Configuration(proxyBeanMethods = false)
  static class BatchPool {

    static final int QUEUED_BATCHES = 1000;

    @Bean(name = BATCHES, defaultCandidate = false)
    ThreadPoolTaskExecutor insightBatches(InsightSettings settings) {
      ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
      pool.setThreadNamePrefix("insights-");
      pool.setCorePoolSize(settings.parallelism());
      pool.setMaxPoolSize(settings.parallelism());
      pool.setQueueCapacity(QUEUED_BATCHES);
      pool.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
      pool.setDaemon(true);
      return pool;
    }
  }

  /** The insights and price histories of some alerts, as a digest shows them. */
  public record Figures(Map<UUID, AlertInsights> insights, Map<UUID, List<PricePoint>> histories) {}

  /** The alert's insights over the window ending now; no currencies when nothing was observed. */
  public AlertInsights forAlert(UUID alertId) {
    return forAlerts(List.of(alertId)).get(alertId);
  }

  /** Daily min, median and max over the window, per currency, oldest day first. */
  public List<PricePoint> history(UUID alertId) {
    return histories(List.of(alertId)).get(alertId);
  }

  /**
   * The insights of each alert over the window ending now, in the order given; an alert without
   * observations has no currencies.
   */
  public Map<UUID, AlertInsights> forAlerts(Collection<UUID> alertIds) {
    return figures(alertIds).insights();
  }

  /**
   * The insights and the price history of each alert over the window ending now, in the order
   * given: one query per {@link #BATCH} alerts (see {@link #FIGURES}), batches computed in parallel
   * ({@code analytics.insights.parallelism}), each in its own read-only transaction.
   */
  public Figures figures(Collection<UUID> alertIds) {
    Instant to = clock.instant();
    Instant from = to.minus(settings.window());
    Map<UUID, AlertInsights> insights = new LinkedHashMap<>();
    Map<UUID, List<PricePoint>> histories = new LinkedHashMap<>();
    for (Figures batch : inParallel(alertIds, batch -> figures(batch, from, to))) {
      insights.putAll(batch.insights());
      histories.putAll(batch.histories());
    }
    return new Figures(insights, histories);
  }

  /** The price history of each alert, in the order given; empty without observations. */
  public Map<UUID, List<PricePoint>> histories(Collection<UUID> alertIds) {
    Instant to = clock.instant();
    Map<UUID, List<PricePoint>> result = new LinkedHashMap<>();
    inParallel(alertIds, batch -> history(batch, to)).forEach(result::putAll);
    return result;
  }

  private Map<UUID, List<PricePoint>> history(List<UUID> batch, Instant to) {
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
    Map<UUID, List<PricePoint>> result = new LinkedHashMap<>();
    batch.forEach(id -> result.put(id, points.getOrDefault(id, List.of())));
    return result;
  }

  /**
   * Runs each batch of the alerts in its own read-only transaction, up to {@code parallelism} at
   * once; the results in the order of the batches. A single batch runs on the calling thread.
   */
  private <T> List<T> inParallel(Collection<UUID> alertIds, Function<List<UUID>, T> work) {
    List<List<UUID>> split = batches(alertIds);
    if (split.size() <= 1) {
      return split.stream().map(batch -> readOnly.execute(status -> work.apply(batch))).toList();
    }
    List<Future<T>> futures = new ArrayList<>(split.size());
    for (List<UUID> batch : split) {
      futures.add(batches.submit(() -> readOnly.execute(status -> work.apply(batch))));
    }
    List<T> results = new ArrayList<>(split.size());
    try {
      for (Future<T> future : futures) {
        results.add(future.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(future -> future.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while computing insights", e);
    } catch (ExecutionException e) {
      futures.forEach(future -> future.cancel(true));
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
    return results;
  }

  private Figures figures(List<UUID> batch, Instant from, Instant to) {
    // The driver prepares a statement used often; PostgreSQL may then switch to a generic plan,
    // which cannot see how few rows the batch's alerts select and can scan the whole table.
    jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    Map<UUID, List<CurrencyInsights>> figures = new HashMap<>();
    Map<UUID, List<PricePoint>> histories = new HashMap<>();
    query(FIGURES, batch, from, to)
        .param("today", LocalDate.ofInstant(to, ZoneOffset.UTC))
        .param("top", settings.topListings())
        .param("listedSince", Timestamp.from(to.minus(settings.stillListedWithin())))
        .query(
            (RowCallbackHandler)
                row -> {
                  UUID alert = row.getObject("alert_id", UUID.class);
                  figures.computeIfAbsent(alert, id -> new ArrayList<>()).add(currency(row));
                  histories.computeIfAbsent(alert, id -> new ArrayList<>()).addAll(history(row));
                });
    Map<UUID, String> marketplaces = marketplaces(batch);
    Map<UUID, AlertInsights> insights = new LinkedHashMap<>();
    Map<UUID, List<PricePoint>> points = new LinkedHashMap<>();
    for (UUID id : batch) {
      insights.put(
          id,
          new AlertInsights(
              id, marketplaces.get(id), from, to, figures.getOrDefault(id, List.of())));
      points.put(id, histories.getOrDefault(id, List.of()));
    }
    return new Figures(insights, points);
  }

  /** The marketplace each alert's figures are of: its current one. */
  private Map<UUID, String> marketplaces(List<UUID> batch) {
    Map<UUID, String> marketplaces = new HashMap<>();
    jdbc.sql("select id, marketplace from alert_copy where id = any(:alerts)")
        .param("alerts", batch.toArray(UUID[]::new))
        .query(
            (RowCallbackHandler)
                row ->
                    marketplaces.put(
                        row.getObject("id", UUID.class), row.getString("marketplace")));
    return marketplaces;
  }

  private static List<PricePoint> history(ResultSet row) throws SQLException {
    String currency = row.getString("currency");
    String[] days = array(row, "history_days", String[].class);
    BigDecimal[] mins = array(row, "history_mins", BigDecimal[].class);
    BigDecimal[] medians = array(row, "history_medians", BigDecimal[].class);
    BigDecimal[] maxes = array(row, "history_maxes", BigDecimal[].class);
    Long[] listings = array(row, "history_listings", Long[].class);
    List<PricePoint> points = new ArrayList<>(days.length);
    for (int i = 0; i < days.length; i++) {
      points.add(
          new PricePoint(
              currency, LocalDate.parse(days[i]), mins[i], medians[i], maxes[i], listings[i]));
    }
    return points;
  }

  private static CurrencyInsights currency(ResultSet row) throws SQLException {
    BigDecimal median = row.getBigDecimal("median");
    BigDecimal today = row.getBigDecimal("today_median");
    BigDecimal start = row.getBigDecimal("start_median");
    BigDecimal now = row.getBigDecimal("now_median");
    return new CurrencyInsights(
        row.getString("currency"),
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
        moves(row, "drop"),
        moves(row, "lowest"),
        deals(row, "deal", null),
        deals(row, "suspicious", Deal.FAR_BELOW_TYPICAL),
        row.getBigDecimal("lower_fence"));
  }

  /** The listings of one kind named in the row, in rank order; none when the arrays are null. */
  private static List<ListingMove> moves(ResultSet row, String kind) throws SQLException {
    String[] items = array(row, kind + "_items", String[].class);
    String[] titles = array(row, kind + "_titles", String[].class);
    String[] urls = array(row, kind + "_urls", String[].class);
    BigDecimal[] before = array(row, kind + "_old", BigDecimal[].class);
    BigDecimal[] after = array(row, kind + "_new", BigDecimal[].class);
    List<ListingMove> moves = new ArrayList<>(items.length);
    for (int i = 0; i < items.length; i++) {
      moves.add(
          new ListingMove(
              items[i],
              titles[i],
              urls[i],
              before[i],
              after[i],
              percentChange(before[i], after[i])));
    }
    return List.copyOf(moves);
  }

  private static List<Deal> deals(ResultSet row, String kind, String reason) throws SQLException {
    String[] items = array(row, kind + "_items", String[].class);
    String[] titles = array(row, kind + "_titles", String[].class);
    String[] urls = array(row, kind + "_urls", String[].class);
    BigDecimal[] prices = array(row, kind + "_new", BigDecimal[].class);
    BigDecimal[] below = array(row, kind + "_below", BigDecimal[].class);
    List<Deal> deals = new ArrayList<>(items.length);
    for (int i = 0; i < items.length; i++) {
      deals.add(new Deal(items[i], titles[i], urls[i], prices[i], below[i], reason));
    }
    return List.copyOf(deals);
  }

  private static <T> T array(ResultSet row, String column, Class<T> type) throws SQLException {
    java.sql.Array array = row.getArray(column);
    Object values =
        array == null
            ? java.lang.reflect.Array.newInstance(type.getComponentType(), 0)
            : array.getArray();
    return type.cast(values);
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
