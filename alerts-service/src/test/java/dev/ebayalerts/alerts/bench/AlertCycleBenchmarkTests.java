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
import io.micrometer.core.instrument.MeterRegistry;
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
  @Autowired MeterRegistry meters;

  /** One period of one scale: the first runs (every alert emails) or the steady state. */
  record Result(
      String phase,
      boolean finished,
      int alerts,
      int searches,
      int ran,
      int calls,
      int repeated,
      int ticks,
      double busySeconds,
      double finishSeconds,
      double baselineSeconds,
      double p50,
      double p99,
      double max,
      double newsShare) {

    double msPerAlert() {
      return ran == 0 ? Double.NaN : busySeconds * 1000 / ran;
    }
  }

  @Test
  void alertCycle() throws Exception {
    String scales = System.getProperty("bench.cycle.scales", "10000:2000,100000:20000");
    int periodSeconds = Integer.getInteger("bench.cycle.period-seconds", 120);
    int latencyMs = Integer.getInteger("bench.cycle.latency-ms", 20);
    EbayStub.anySearch(latencyMs, LISTINGS);

    List<Result> results = new ArrayList<>();
    for (String scale : scales.split(",")) {
      String[] sizes = scale.trim().split(":");
      for (Result result :
          measure(Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1]), periodSeconds)) {
        log.info("Cycle benchmark: {}", result);
        results.add(result);
      }
      // written after each scale, so a long run that is stopped keeps what it measured
      BenchReport.write(
          "cycle",
          report(
              results,
              periodSeconds,
              latencyMs,
              scales,
              FetchCycles.jobs(context),
              FetchCycles.ebayConcurrency(context),
              FetchCycles.runConcurrency(context)));
    }
    for (Result result : results) {
      assertThat(result.ran()).as("alerts that ran in " + result.phase()).isPositive();
      if (result.finished()) {
        assertThat(result.ran())
            .as("alerts that ran in " + result.phase())
            .isEqualTo(result.alerts());
      }
    }
  }

  private static final Item[] LISTINGS = {
    Item.of("b1", "Bench listing one", "10.00", "seller1"),
    Item.of("b2", "Bench listing two", "20.00", "seller2"),
    Item.of("b3", "Bench listing three", "30.00", "seller3")
  };

  /** Search numbers divisible by 20 (5 % of the searches) find a new listing in period two. */
  private static final String NEWS_SEARCHES = "bench search ([0-9]*[02468])?0";

  private List<Result> measure(int alerts, int searches, int periodSeconds) throws Exception {
    clean();
    int latencyMs = Integer.getInteger("bench.cycle.latency-ms", 20);
    EbayStub.anySearch(latencyMs, LISTINGS);
    double baseline = baseline(searches, FetchCycles.ebayConcurrency(context));

    Duration period = Duration.ofSeconds(periodSeconds);
    Instant start = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
    insert(alerts, searches, start, period);
    EbayStub.forgetRequests();
    long claimsBefore = claims();

    Busy busy = new Busy();
    AtomicLong ticks = new AtomicLong();
    int jobs = FetchCycles.jobs(context);
    ScheduledExecutorService ticker = Executors.newScheduledThreadPool(jobs + 1);
    // As the Quartz jobs do: each fires at a fixed rate, staggered over the tick, and never
    // overlaps its own runs (a long run delays its next); different jobs run side by side.
    long firstTick = Duration.between(Instant.now(), start).toMillis();
    for (int job = 0; job < jobs; job++) {
      ticker.scheduleAtFixedRate(
          () -> {
            busy.start();
            ticks.incrementAndGet();
            try {
              FetchCycles.runDue(context);
            } catch (RuntimeException e) {
              log.warn("Tick failed", e);
            } finally {
              busy.stop();
            }
          },
          firstTick + job * TICK.toMillis() / jobs,
          TICK.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    // from the second period on, 5 % of the searches find one new listing
    ticker.schedule(
        () ->
            EbayStub.searchesMatching(
                NEWS_SEARCHES,
                latencyMs,
                Item.of("b4", "Bench listing four", "15.00", "seller4"),
                LISTINGS[0],
                LISTINGS[1],
                LISTINGS[2]),
        Duration.between(Instant.now(), start.plus(period)).toMillis(),
        TimeUnit.MILLISECONDS);
    long maxWait = Long.getLong("bench.cycle.max-wait-minutes", 15);
    try {
      Snapshot first = awaitRuns(1, alerts, claimsBefore, period, maxWait, busy, ticks);
      Snapshot second =
          awaitRuns(2, alerts, claimsBefore, period.multipliedBy(2), maxWait, busy, ticks);
      // stopped before anything is read: runs of the third period would pass for late runs of
      // the second
      ticker.shutdownNow();
      ticker.awaitTermination(2, TimeUnit.MINUTES);
      List<EbayStub.Call> calls = EbayStub.searchCalls();
      writeCalls(calls, alerts, searches, start);
      Calls inFirst = calls(calls, 1, alerts, start, period);
      Calls inSecond = calls(calls, 2, alerts, start, period);
      log.info(
          "eBay calls by the snapshots: {} and {}; by each search's own period: {} and {}",
          first.calls(),
          second.calls() - first.calls(),
          inFirst,
          inSecond);
      return List.of(
          result("first run", alerts, searches, baseline, start, first, Snapshot.ZERO, 1, inFirst),
          result(
              "steady state",
              alerts,
              searches,
              baseline,
              start.plus(period),
              second,
              first,
              2,
              inSecond));
    } finally {
      ticker.shutdownNow();
      ticker.awaitTermination(2, TimeUnit.MINUTES);
    }
  }

  /**
   * The eBay calls of one period, counted per search over that search's own period: from the due
   * time of its first alert in that period to the same time a period later. Counting the stub's
   * calls between the moments every alert had run once and twice instead would hand the next
   * period's first calls to this one whenever a period ends late. {@code repeated} counts the
   * searches called more than once in their period, which the cycle should never do.
   */
  record Calls(int calls, int repeated) {}

  /** Every call, for a closer look: target/bench-cycle-calls-ALERTS-SEARCHES.csv. */
  private static void writeCalls(List<EbayStub.Call> calls, int alerts, int searches, Instant start)
      throws Exception {
    StringBuilder csv = new StringBuilder("phrase,ms_after_start\n");
    calls.forEach(
        call ->
            csv.append(call.phrase())
                .append(',')
                .append(Duration.between(start, call.at()).toMillis())
                .append('\n'));
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", "bench-cycle-calls-" + alerts + "-" + searches + ".csv"),
        csv);
  }

  private static Calls calls(
      List<EbayStub.Call> calls, int run, int alerts, Instant start, Duration period) {
    java.util.Map<String, Integer> perSearch = new java.util.HashMap<>();
    for (EbayStub.Call call : calls) {
      if (call.phrase() == null || !call.phrase().startsWith("bench search ")) {
        continue;
      }
      int search = Integer.parseInt(call.phrase().substring("bench search ".length()));
      // alert i runs search i % searches and is first due at start + i/alerts of a period (see
      // insert): the first alert of this search is alert number search
      Instant from =
          start.plusMillis(search * period.toMillis() / alerts).plus(period.multipliedBy(run - 1));
      if (!call.at().isBefore(from) && call.at().isBefore(from.plus(period))) {
        perSearch.merge(call.phrase(), 1, Integer::sum);
      }
    }
    return new Calls(
        perSearch.values().stream().mapToInt(Integer::intValue).sum(),
        (int) perSearch.values().stream().filter(n -> n > 1).count());
  }

  /** The work done when every alert had run {@code runs} times, or when the wait ran out. */
  private record Snapshot(boolean finished, double busySeconds, int calls, long ticks) {
    static final Snapshot ZERO = new Snapshot(true, 0, 0, 0);
  }

  private Snapshot awaitRuns(
      int runs,
      int alerts,
      long claimsBefore,
      Duration periods,
      long maxWaitMinutes,
      Busy busy,
      AtomicLong ticks) {
    boolean finished = true;
    try {
      // Counting the alerts that ran reads every alert: 160 ms of PostgreSQL's time at 100,000
      // alerts. Polled every 200 ms from the start, it took about a fifth of the machine from
      // the cycle it measured (pg_stat_statements: 53 s of the 120-s steady period, more than
      // all of the cycle's own statements). It is asked only once the cycle has claimed that
      // many runs, which the lateness timer counts in memory.
      await()
          .atMost(periods.plusMinutes(maxWaitMinutes))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> claims() - claimsBefore >= (long) runs * alerts && ran(runs) == alerts);
    } catch (ConditionTimeoutException e) {
      finished = false;
      log.warn("Not every alert ran {} time(s): {} of {}", runs, ran(runs), alerts);
    }
    // Taken the moment every alert ran: the ticks running then go on with later runs, which
    // are not this period's work.
    return new Snapshot(finished, busy.seconds(), EbayStub.allSearches(), ticks.get());
  }

  /**
   * Wall time during which at least one cycle job ran: jobs running side by side count once, so
   * busy time stays comparable with the period.
   */
  private static final class Busy {
    private int running;
    private long since;
    private long total;

    synchronized void start() {
      if (running++ == 0) {
        since = System.nanoTime();
      }
    }

    synchronized void stop() {
      if (--running == 0) {
        total += System.nanoTime() - since;
      }
    }

    synchronized double seconds() {
      return (total + (running > 0 ? System.nanoTime() - since : 0)) / 1e9;
    }
  }

  private Result result(
      String phase,
      int alerts,
      int searches,
      double baseline,
      Instant periodStart,
      Snapshot end,
      Snapshot begin,
      int run,
      Calls calls) {
    // created_at holds each alert's first due time (see insert); run n is due a period later
    // each time. Lateness = when the run happened minus when it was due, measured per alert.
    List<Double> lateness =
        run == 1
            ? jdbc.sql(
                    """
                    select extract(epoch from (min(l.first_seen_at) - a.created_at))
                    from alert a join alert_listing l on l.alert_id = a.id
                    group by a.id, a.created_at""")
                .query(Double.class)
                .list()
            : jdbc.sql(
                    """
                    select extract(epoch from (last_run_at - created_at
                                               - frequency_minutes * interval '1 minute'))
                    from alert where next_run_at between created_at
                                     + frequency_minutes * interval '90 seconds'
                                     and created_at
                                     + frequency_minutes * interval '150 seconds'""")
                .query(Double.class)
                .list();
    double[] late = lateness.stream().mapToDouble(Double::doubleValue).toArray();
    Timestamp last =
        run == 1
            // each alert's first run; the listing new in the second period is seen later
            ? jdbc.sql(
                    "select max(first_run) from (select min(first_seen_at) as first_run"
                        + " from alert_listing group by alert_id) runs")
                .query(Timestamp.class)
                .single()
            // those that ran a third time before the ticker stopped are not this period's
            : jdbc.sql(
                    "select max(last_run_at) from alert where next_run_at < created_at"
                        + " + frequency_minutes * interval '150 seconds'")
                .query(Timestamp.class)
                .single();
    double finish =
        last == null
            ? Double.NaN
            : Duration.between(periodStart, last.toInstant()).toMillis() / 1000.0;
    int withNews =
        run == 1
            ? alerts
            : jdbc.sql("select count(*) from alert_listing where item_id = 'v1|b4|0'")
                .query(Integer.class)
                .single();
    return new Result(
        phase,
        end.finished(),
        alerts,
        searches,
        // in the second period, some alerts ran a third time before the ticker stopped
        run == 1 ? late.length : ran(2),
        calls.calls(),
        calls.repeated(),
        (int) (end.ticks() - begin.ticks()),
        end.busySeconds() - begin.busySeconds(),
        finish,
        baseline,
        BenchReport.percentile(late, 50),
        BenchReport.percentile(late, 99),
        BenchReport.percentile(late, 100),
        alerts == 0 ? 0 : (double) withNews / alerts);
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

  /** Runs the cycle has claimed so far, in this JVM: each claim records the run's lateness. */
  private long claims() {
    return meters.get("alerts.schedule.lateness").timer().count();
  }

  /** Alerts that ran {@code runs} times: each run moves the next due time a period on. */
  private int ran(int runs) {
    return jdbc.sql(
            """
            select count(*) from alert
            where next_run_at > created_at
                                + frequency_minutes * (:runs - 0.5) * interval '1 minute'""")
        .param("runs", runs)
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
      List<Result> results,
      int periodSeconds,
      int latencyMs,
      String scales,
      int jobs,
      int ebayConcurrency,
      int runConcurrency) {
    StringBuilder out = new StringBuilder("## Alert cycle\n\n");
    out.append(
        BenchReport.header(
            "./mvnw -B -Pbench verify -pl alerts-service -am -Dtest=AlertCycleBenchmarkTests"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dbench.cycle.scales="
                + scales
                + " -Dbench.cycle.max-wait-minutes="
                + Long.getLong("bench.cycle.max-wait-minutes", 15)));
    out.append(
        """

        Alerts with a %d-minute period, first due at times spread evenly over one period (%d s), \
        owners of 50 alerts each, confirmed; alert i runs search i mod searches. The real fetch \
        cycle (`FetchCycle.runDue`, what the Quartz jobs call) runs on a real clock for two \
        periods as the scheduler runs it: %d jobs (`alerts.scheduler.cycles`), each every 10 s, \
        staggered over the tick, each never overlapping itself, different jobs side by side. eBay is the WireMock stub \
        (`support/EbayStub`) answering every search with 3 listings after a fixed %d ms; calls \
        are counted at the stub, each search's over its own period (from its first alert's due \
        time in that period to a period later; a period run more than a period late falls outside \
        it, as the log's count between the moments every alert had run once and twice shows); \
        searches called twice = those called more than once in their period. **First run**: every alert's first run, each queues an email \
        (sent meanwhile to GreenMail) and a `ListingsObserved` event (published meanwhile to \
        Redis). **Steady state**: the second period, in which 5 %% of the searches (so 5 %% of \
        the alerts) find one new listing and the others nothing new; every run still publishes \
        its observations. Lateness = when the run happened minus when it was due, measured per \
        alert. Busy = wall time during which at least one job ran, within the period's work \
        (taken the moment every alert had run; the ticks running then go on with later runs). Searches are \
        fetched %d at a time and alerts run in batches on %d threads. Baseline = the same \
        searches called directly through `EbayBrowseClient`, %d at a time, measured just \
        before. A period whose alerts had not all run %d minutes after it ended was cut there.

        | alerts | searches | period | busy / baseline | busy per alert (ms) | ran | eBay calls \
        | searches called twice | alerts with news | busy (s) | baseline (s) | last ran at (s after period start) \
        | lateness p50 (s) | lateness p99 (s) | lateness max (s) | ticks |
        |---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """
            .formatted(
                periodSeconds / 60,
                periodSeconds,
                jobs,
                latencyMs,
                ebayConcurrency,
                runConcurrency,
                ebayConcurrency,
                Long.getLong("bench.cycle.max-wait-minutes", 15)));
    for (Result r : results) {
      out.append(
          "| %d | %d | %s | %s | %s | %d%s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %d |\n"
              .formatted(
                  r.alerts(),
                  r.searches(),
                  r.phase(),
                  BenchReport.format(r.busySeconds() / r.baselineSeconds()),
                  BenchReport.format(r.msPerAlert()),
                  r.ran(),
                  r.finished() ? "" : " (cut)",
                  r.calls(),
                  r.repeated(),
                  Math.round(r.newsShare() * 100) + " %",
                  BenchReport.format(r.busySeconds()),
                  BenchReport.format(r.baselineSeconds()),
                  BenchReport.format(r.finishSeconds()),
                  BenchReport.format(r.p50()),
                  BenchReport.format(r.p99()),
                  BenchReport.format(r.max()),
                  r.ticks()));
    }
    return out.toString();
  }
}
