package dev.ebayalerts.alerts.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.alerts.fetch.FetchCycles;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.ebay.BuyingOption;
import dev.ebayalerts.ebay.EbayBrowseClient;
import dev.ebayalerts.ebay.SearchRequest;
import dev.ebayalerts.ebay.SortOrder;
import dev.ebayalerts.testing.Smtp;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fetch cycle at scale, on a real clock: alerts with a 2-minute period whose due times are
 * spread over one period, run by the real fetch cycle on a tick every 10 s (as the Quartz job
 * does), against eBay answering every search after a fixed latency. Measures eBay calls, the busy
 * time of the ticks, and how late each alert ran, against the floor cost of the same searches
 * called directly through the eBay client.
 *
 * <p>Sizes: {@code -Dbench.cycle.scales=10000:2000,100000:20000} (alerts:searches, comma
 * separated), {@code -Dbench.cycle.period-seconds=120}, {@code -Dbench.cycle.latency-ms=20}.
 */
@BenchTest
class AlertCycleBenchmarkTests {

  private static final Logger log = LoggerFactory.getLogger(AlertCycleBenchmarkTests.class);
  private static final int ALERTS_PER_OWNER = 50;
  private static final Duration TICK = Duration.ofSeconds(10);

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired EbayBrowseClient ebay;
  @Autowired StringRedisTemplate redis;

  record Result(
      boolean finished,
      int alerts,
      int searches,
      int ran,
      int calls,
      int ticks,
      double busySeconds,
      double finishSeconds,
      double baselineSeconds,
      double p50,
      double p99,
      double max) {}

  @Test
  void alertCycle() throws Exception {
    String scales = System.getProperty("bench.cycle.scales", "10000:2000,100000:20000");
    int periodSeconds = Integer.getInteger("bench.cycle.period-seconds", 120);
    int latencyMs = Integer.getInteger("bench.cycle.latency-ms", 20);
    EbayStub.anySearch(
        latencyMs,
        Item.of("b1", "Bench listing one", "10.00", "seller1"),
        Item.of("b2", "Bench listing two", "20.00", "seller2"),
        Item.of("b3", "Bench listing three", "30.00", "seller3"));

    List<Result> results = new ArrayList<>();
    for (String scale : scales.split(",")) {
      String[] sizes = scale.trim().split(":");
      Result result =
          measure(Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1]), periodSeconds);
      log.info("Cycle benchmark: {}", result);
      results.add(result);
    }
    BenchReport.write(
        "cycle",
        report(results, periodSeconds, latencyMs, scales, FetchCycles.fetchConcurrency(context)));
    for (Result result : results) {
      assertThat(result.ran()).as("alerts that ran").isPositive();
      if (result.finished()) {
        assertThat(result.ran()).as("alerts that ran once").isEqualTo(result.alerts());
      }
    }
  }

  private Result measure(int alerts, int searches, int periodSeconds) throws Exception {
    clean();
    int concurrency = FetchCycles.fetchConcurrency(context);
    double baseline = baseline(searches, concurrency);

    Instant start = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
    insert(alerts, searches, start, Duration.ofSeconds(periodSeconds));
    EbayStub.forgetRequests();

    AtomicLong busyNanos = new AtomicLong();
    AtomicLong tickStarted = new AtomicLong();
    AtomicLong ticks = new AtomicLong();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    // Quartz fires at a fixed rate and never overlaps runs of the job: a long run delays the next.
    ticker.scheduleAtFixedRate(
        () -> {
          long began = System.nanoTime();
          tickStarted.set(began);
          ticks.incrementAndGet();
          try {
            FetchCycles.runDue(context);
          } catch (RuntimeException e) {
            log.warn("Tick failed", e);
          }
          busyNanos.addAndGet(System.nanoTime() - began);
          tickStarted.set(0);
        },
        Duration.between(Instant.now(), start).toMillis(),
        TICK.toMillis(),
        TimeUnit.MILLISECONDS);
    boolean finished = true;
    try {
      await()
          .atMost(
              Duration.ofSeconds(periodSeconds)
                  .plusMinutes(Long.getLong("bench.cycle.max-wait-minutes", 15)))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> ranOnce() == alerts);
    } catch (ConditionTimeoutException e) {
      finished = false;
      log.warn("Not every alert ran: {} of {}", ranOnce(), alerts);
    }
    // Taken the moment every alert ran once: the tick running then goes on with the next
    // period's runs, which are not this period's work.
    long tickRunning = tickStarted.get();
    double busy =
        (busyNanos.get() + (tickRunning == 0 ? 0 : System.nanoTime() - tickRunning)) / 1e9;
    int calls = EbayStub.allSearches();
    // a cycle that fell behind would go on with the next period's runs: stop it where it is
    if (finished) {
      ticker.shutdown();
    } else {
      ticker.shutdownNow();
    }
    ticker.awaitTermination(2, TimeUnit.MINUTES);

    // created_at holds each alert's first due time (see insert)
    List<Double> lateness =
        jdbc.sql(
                """
                select extract(epoch from (min(l.first_seen_at) - a.created_at))
                from alert a join alert_listing l on l.alert_id = a.id
                group by a.id, a.created_at""")
            .query(Double.class)
            .list();
    double[] late = lateness.stream().mapToDouble(Double::doubleValue).toArray();
    Timestamp last =
        jdbc.sql("select max(first_seen_at) from alert_listing").query(Timestamp.class).single();
    double finish =
        last == null ? Double.NaN : Duration.between(start, last.toInstant()).toMillis() / 1000.0;
    return new Result(
        finished,
        alerts,
        searches,
        late.length,
        calls,
        (int) ticks.get(),
        busy,
        finish,
        baseline,
        BenchReport.percentile(late, 50),
        BenchReport.percentile(late, 99),
        BenchReport.percentile(late, 100));
  }

  /** The floor: the same searches called directly through the eBay client. */
  private double baseline(int searches, int concurrency) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      long began = System.nanoTime();
      List<Future<?>> calls = new ArrayList<>();
      for (int s = 0; s < searches; s++) {
        String phrase = "bench search " + s;
        calls.add(
            pool.submit(
                () ->
                    ebay.search(
                        SearchRequest.builder(phrase)
                            .sort(SortOrder.NEWLY_LISTED)
                            .limit(50)
                            .buyingOptions(BuyingOption.FIXED_PRICE, BuyingOption.AUCTION)
                            .build())));
      }
      for (Future<?> call : calls) {
        call.get();
      }
      return (System.nanoTime() - began) / 1e9;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Confirmed owners of 50 alerts each; alert i runs search {@code i % searches}, so the alerts of
   * one search are due at times spread over the whole period, as alerts created at different times
   * are. Alert i is first due at {@code start + i/alerts * period}, kept in created_at too.
   */
  private void insert(int alerts, int searches, Instant start, Duration period) {
    int owners = Math.max(1, alerts / ALERTS_PER_OWNER);
    jdbc.sql(
            """
            insert into subscriber (email, created_at, confirmed_at)
            select 'bench-owner-' || o || '@example.com', now(), now()
            from generate_series(0, :owners - 1) o""")
        .param("owners", owners)
        .update();
    jdbc.sql(
            """
            insert into alert (id, email, search_phrase, frequency_minutes, currency,
                item_condition, buying_option, exclude_words, active, version, created_at,
                updated_at, min_drop_percent, search_key, next_run_at)
            select gen_random_uuid(), 'bench-owner-' || (i % :owners) || '@example.com',
                'bench search ' || (i % :searches), 2, 'USD', 'ANY', 'ANY', '', true, 0, due,
                due, 5, 'bench-' || (i % :searches), due
            from (select i, cast(:start as timestamptz)
                         + (i * :periodMs / :alerts) * interval '1 millisecond' as due
                  from generate_series(0, :alerts - 1) i) s""")
        .param("owners", owners)
        .param("searches", searches)
        .param("alerts", alerts)
        .param("periodMs", period.toMillis())
        .param("start", Timestamp.from(start))
        .update();
    jdbc.sql("analyze alert").update();
  }

  private int ranOnce() {
    return jdbc.sql("select count(*) from alert where last_run_at is not null")
        .query(Integer.class)
        .single();
  }

  private void clean() {
    // deliveries first: one statement instead of a cascade per alert
    jdbc.sql("delete from delivery").update();
    jdbc.sql("delete from alert").update();
    jdbc.sql("delete from search_result").update();
    jdbc.sql("delete from subscriber where email like 'bench-owner-%'").update();
    // the events of earlier runs are of no use to anyone here
    redis.delete("ebay-alerts.events");
    Smtp.forTests().stop();
    Smtp.forTests().start();
  }

  private static String report(
      List<Result> results, int periodSeconds, int latencyMs, String scales, int concurrency) {
    StringBuilder out = new StringBuilder("## Alert cycle\n\n");
    out.append(
        BenchReport.header(
            "./mvnw -B -Pbench verify -pl alerts-service -Dtest=AlertCycleBenchmarkTests"
                + " -Dbench.cycle.scales="
                + scales
                + " -Dbench.cycle.max-wait-minutes="
                + Long.getLong("bench.cycle.max-wait-minutes", 15)));
    out.append(
        """

        Alerts with a %d-minute period, first due at times spread evenly over one period (%d s), \
        owners of 50 alerts each, confirmed. The real fetch cycle (`FetchCycle.runDue`, what the \
        Quartz job calls) runs on a real clock every 10 s, never overlapping itself, until every \
        alert ran once. eBay is the WireMock stub (`support/EbayStub`) answering every search \
        with 3 listings after a fixed %d ms; calls are counted at the stub. Every first run \
        queues an email (sent meanwhile to GreenMail) and a `ListingsObserved` event (published \
        meanwhile to Redis). Lateness = when the alert ran minus when it was first due, measured \
        (not computed) per alert. Busy = sum of the ticks' run times. Calls and busy time are \
        taken the moment every alert had run once (the tick running then goes on with the next \
        period's runs). Baseline = the same \
        searches called directly through `EbayBrowseClient` with the cycle's concurrency (%s), \
        measured just before. A run that had not run every alert %d minutes after the period ended \
        was stopped there: its "ran once" is below the number of alerts and its lateness covers \
        only the alerts that ran.

        | alerts | searches | ran once | eBay calls | ticks | busy (s) | alerts/s (busy) | \
        last ran at (s after period start) | lateness p50 (s) | lateness p99 (s) | lateness max (s) \
        | baseline (s) | busy / baseline |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """
            .formatted(
                periodSeconds / 60,
                periodSeconds,
                latencyMs,
                concurrency == 1 ? "one at a time" : concurrency + " at a time",
                Long.getLong("bench.cycle.max-wait-minutes", 15)));
    for (Result r : results) {
      out.append(
          "| %d | %d | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s |\n"
              .formatted(
                  r.alerts(),
                  r.searches(),
                  r.ran(),
                  r.calls(),
                  r.ticks(),
                  BenchReport.format(r.busySeconds()),
                  BenchReport.format(r.ran() / r.busySeconds()),
                  BenchReport.format(r.finishSeconds()),
                  BenchReport.format(r.p50()),
                  BenchReport.format(r.p99()),
                  BenchReport.format(r.max()),
                  BenchReport.format(r.baselineSeconds()),
                  BenchReport.format(r.busySeconds() / r.baselineSeconds())));
    }
    return out.toString();
  }
}
