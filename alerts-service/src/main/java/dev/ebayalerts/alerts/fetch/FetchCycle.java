package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.alert.FairUseSettings;
import dev.ebayalerts.ebay.EbayBudgetExhausted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs every due alert once: claims due alerts in batches, groups them by search so each distinct
 * search costs at most one eBay call (batches running side by side share a call in flight), and
 * runs the alerts in transactions of several, run again one by one when one fails, so one failure
 * never stops the others. When the eBay call budget is spent the remaining alerts are deferred, not
 * failed: they stay due and, waiting longest, come first once calls are allowed again.
 */
@Service
class FetchCycle {

  private static final Logger log = LoggerFactory.getLogger(FetchCycle.class);

  private final DueAlerts schedule;
  private final SearchResults results;
  private final EbayUsage usage;
  private final FairUseSettings fairUse;
  private final EbaySearches ebay;
  private final AlertRun run;
  private final FetchSettings settings;
  private final Clock clock;
  private final Counter ebayCalls;
  private final Counter reused;
  private final Counter joined;
  private final Counter deferred;
  private final Counter failed;
  private final Timer lateness;
  private final ExecutorService searchers;
  private final ExecutorService runners;
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

  FetchCycle(
      DueAlerts schedule,
      SearchResults results,
      EbayUsage usage,
      FairUseSettings fairUse,
      EbaySearches ebay,
      AlertRun run,
      FetchSettings settings,
      Clock clock,
      MeterRegistry meters) {
    this.schedule = schedule;
    this.results = results;
    this.usage = usage;
    this.fairUse = fairUse;
    this.ebay = ebay;
    this.run = run;
    this.settings = settings;
    this.clock = clock;
    this.ebayCalls = meters.counter("alerts.fetch.ebay.calls");
    this.reused = meters.counter("alerts.fetch.reused");
    this.joined = meters.counter("alerts.fetch.joined");
    this.deferred = meters.counter("alerts.fetch.deferred");
    this.failed = meters.counter("alerts.runs.failed");
    this.lateness =
        Timer.builder("alerts.schedule.lateness")
            .description("How long after its due time an alert ran")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    this.searchers = pool("fetch-ebay-", settings.ebayConcurrency());
    this.runners = pool("fetch-run-", settings.runConcurrency());
  }

  private static ExecutorService pool(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread thread = new Thread(task, name + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  @PreDestroy
  void stop() {
    searchers.shutdownNow();
    runners.shutdownNow();
  }

  /**
   * Runs what was due when the tick started, a batch at a time; returns the number of alerts run.
   * Alerts falling due meanwhile are left to the next tick: claiming them too, the tick would never
   * end once alerts fall due faster than a batch runs, taking the few due since its last claim
   * again and again, each few in transactions of their own.
   */
  int runDue() {
    Instant started = now();
    int total = 0;
    while (true) {
      Instant now = now();
      List<DueAlert> batch =
          schedule.claim(started, settings.batchSize(), now.plus(settings.lease()));
      if (batch.isEmpty()) {
        return total;
      }
      Outcome outcome = runBatch(batch, now);
      total += outcome.ran();
      if (outcome.deferred()) {
        return total;
      }
    }
  }

  private record Outcome(int ran, boolean deferred) {}

  /**
   * A claimed batch in two steps: the result of every search it holds (stored results in one query;
   * the others fetched from eBay side by side, as many at a time as eBay's latency needs), then its
   * alerts, in transactions of several alerts each on as many threads as the database work needs.
   */
  private Outcome runBatch(List<DueAlert> batch, Instant claimedAt) {
    batch.forEach(alert -> lateness.record(Duration.between(alert.nextRunAt(), claimedAt)));
    Map<String, List<DueAlert>> bySearch = new LinkedHashMap<>();
    batch.forEach(
        alert -> bySearch.computeIfAbsent(alert.searchKey(), k -> new ArrayList<>()).add(alert));
    Batch state = new Batch();
    Map<String, SearchResults.Fetch> stored = stored(bySearch);
    reused.increment(stored.size());
    bySearch.forEach(
        (key, alerts) -> {
          SearchResults.Fetch fetch = stored.get(key);
          if (fetch != null) {
            alerts.forEach(alert -> state.serve(alert, fetch));
          }
        });
    all(
        searchers,
        bySearch.entrySet().stream()
            .filter(search -> !stored.containsKey(search.getKey()))
            .map(search -> (Runnable) () -> fetch(search.getValue(), state))
            .toList());
    List<AlertRun.Job> jobs = state.jobs();
    List<Runnable> chunks = new ArrayList<>();
    for (int from = 0; from < jobs.size(); from += settings.runBatchSize()) {
      List<AlertRun.Job> chunk =
          jobs.subList(from, Math.min(jobs.size(), from + settings.runBatchSize()));
      chunks.add(() -> state.ran.addAndGet(runAll(chunk)));
    }
    all(runners, chunks);
    List<DueAlert> toDefer = state.toDefer();
    if (!toDefer.isEmpty()) {
      log.warn("{} alert(s) deferred: {}", toDefer.size(), state.deferReason.get());
      deferred.increment(toDefer.size());
      schedule.defer(toDefer, state.deferReason.get());
    }
    return new Outcome(state.ran.get(), !toDefer.isEmpty());
  }

  /** Runs the tasks on the pool and waits for all of them. */
  private static void all(ExecutorService pool, List<Runnable> tasks) {
    List<Callable<Void>> callables =
        tasks.stream()
            .map(
                task ->
                    (Callable<Void>)
                        () -> {
                          task.run();
                          return null;
                        })
            .toList();
    try {
      for (Future<Void> done : pool.invokeAll(callables)) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running due alerts", e);
    } catch (ExecutionException e) {
      // the tasks catch what a search or a run can throw; anything else is a bug to surface
      throw new IllegalStateException(e.getCause());
    }
  }

  /** What the searches and runs of one batch, running side by side, share. */
  private static final class Batch {
    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicReference<String> deferReason = new AtomicReference<>();
    private final List<DueAlert> toDefer = new ArrayList<>();
    private final List<AlertRun.Job> jobs = new ArrayList<>();

    private synchronized void serve(DueAlert alert, SearchResults.Fetch fetch) {
      jobs.add(new AlertRun.Job(alert, fetch));
    }

    private synchronized List<AlertRun.Job> jobs() {
      return List.copyOf(jobs);
    }

    private synchronized void defer(List<DueAlert> alerts) {
      toDefer.addAll(alerts);
    }

    private synchronized List<DueAlert> toDefer() {
      return List.copyOf(toDefer);
    }
  }

  /**
   * The stored results fresh enough for the alerts due on them, read in one go: a result serves an
   * alert if it was fetched after the alert's previous run (and its previous due time, see {@link
   * DueAlert#resultsNotBefore()}). Freshness counts from the alert's own last run, not from now, so
   * the one call a search needs per period serves every alert of that search due within the period
   * after it, however closely their due times follow each other, and a cycle that falls behind
   * reuses what it fetched for the same period instead of fetching it again.
   */
  private Map<String, SearchResults.Fetch> stored(Map<String, List<DueAlert>> bySearch) {
    Map<String, Instant> notBefore = new HashMap<>();
    bySearch.forEach(
        (key, alerts) ->
            notBefore.put(
                key,
                alerts.stream()
                    .map(DueAlert::resultsNotBefore)
                    .max(Comparator.naturalOrder())
                    .orElseThrow()));
    return results.freshSince(notBefore);
  }

  /**
   * One search without a fresh result: one eBay call serving only the alerts of addresses that have
   * calls left today, counted for each of those addresses, while the others wait for the next UTC
   * day (fair use: one address cannot spend everybody's budget).
   */
  private void fetch(List<DueAlert> alerts, Batch state) {
    if (state.deferReason.get() != null) {
      state.defer(alerts);
      return;
    }
    List<DueAlert> served = alerts;
    try {
      LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
      Set<String> spent =
          usage.spent(
              alerts.stream().map(DueAlert::email).collect(Collectors.toSet()),
              today,
              fairUse.ebayCallsPerAddressPerDay());
      served = alerts.stream().filter(alert -> !spent.contains(alert.email())).toList();
      postponeUntilTomorrow(
          alerts.stream().filter(alert -> spent.contains(alert.email())).toList(), today);
      if (served.isEmpty()) {
        return;
      }
      SearchResults.Fetch fetch = call(served, today);
      served.forEach(alert -> state.serve(alert, fetch));
    } catch (EbayBudgetExhausted e) {
      state.deferReason.compareAndSet(
          null,
          "Deferred: the daily eBay call budget is spent until "
              + e.resetsAt().truncatedTo(ChronoUnit.MINUTES));
      state.defer(served);
    } catch (RuntimeException e) {
      log.warn("Search for {} alert(s) failed: {}", served.size(), e.toString());
      served.forEach(alert -> fail(alert, "eBay search failed: " + e.getMessage()));
    }
  }

  private void postponeUntilTomorrow(List<DueAlert> alerts, LocalDate today) {
    if (alerts.isEmpty()) {
      return;
    }
    deferred.increment(alerts.size());
    schedule.postpone(
        alerts,
        today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        "Deferred until tomorrow (00:00 UTC): this address's share of eBay searches for today ("
            + fairUse.ebayCallsPerAddressPerDay()
            + " calls) is used");
  }

  /**
   * A new eBay call, its result stored for the alerts sharing the search and counted for their
   * addresses; or, when another batch of this instance is calling eBay for the same search right
   * now (cycle jobs run side by side) and its call began late enough to be fresh for these alerts,
   * that call's result, for no call of their own.
   */
  private SearchResults.Fetch call(List<DueAlert> served, LocalDate today) {
    DueAlert first = served.get(0);
    Instant notBefore =
        served.stream()
            .map(DueAlert::resultsNotBefore)
            .max(Comparator.naturalOrder())
            .orElseThrow();
    Instant now = now();
    InFlight mine = new InFlight(now, new CompletableFuture<>());
    InFlight running =
        inFlight.merge(
            first.searchKey(),
            mine,
            (current, candidate) -> current.startedAt().isAfter(notBefore) ? current : candidate);
    if (running != mine) {
      joined.increment();
      try {
        return running.result().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    try {
      ebayCalls.increment();
      SearchResults.Fetch fetch = ebay.search(first);
      results.store(first.searchKey(), now, fetch);
      usage.charge(served.stream().map(DueAlert::email).collect(Collectors.toSet()), today);
      mine.result().complete(fetch);
      return fetch;
    } catch (RuntimeException e) {
      mine.result().completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(first.searchKey(), mine);
    }
  }

  /** An eBay call under way, and when it began. */
  private record InFlight(Instant startedAt, CompletableFuture<SearchResults.Fetch> result) {}

  /** How many searches this instance is calling eBay for right now. */
  int searchesInFlight() {
    return inFlight.size();
  }

  /**
   * Runs the alerts in one transaction; if it fails, runs them again one at a time, so a failing
   * alert fails alone and the others still run.
   */
  private int runAll(List<AlertRun.Job> jobs) {
    try {
      run.processAll(jobs, now());
      return jobs.size();
    } catch (RuntimeException e) {
      if (jobs.size() == 1) {
        AlertRun.Job job = jobs.get(0);
        log.warn("Alert {} failed: {}", job.alert().id(), e.toString());
        fail(job.alert(), "Run failed: " + e.getMessage());
        return 0;
      }
      log.debug("A batch of {} runs failed, running them one at a time: {}", jobs.size(), e);
      int ran = 0;
      for (AlertRun.Job job : jobs) {
        ran += runAll(List.of(job));
      }
      return ran;
    }
  }

  private void fail(DueAlert alert, String error) {
    failed.increment();
    try {
      schedule.complete(alert, now(), error, null);
    } catch (RuntimeException e) {
      // the lease runs out and the alert is run again: nothing is lost
      log.warn("Could not record the failure of alert {}: {}", alert.id(), e.toString());
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
