package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.ebay.EbayBudgetExhausted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs every due alert once: claims due alerts in batches, groups them by search so each distinct
 * search costs at most one eBay call, and runs each alert on its own so one failure never stops the
 * others. When the eBay call budget is spent the remaining alerts are deferred, not failed: they
 * stay due and, waiting longest, come first once calls are allowed again.
 */
@Service
class FetchCycle {

  private static final Logger log = LoggerFactory.getLogger(FetchCycle.class);

  private final DueAlerts schedule;
  private final SearchResults results;
  private final EbaySearches ebay;
  private final AlertRun run;
  private final FetchSettings settings;
  private final Clock clock;
  private final Counter ebayCalls;
  private final Counter reused;
  private final Counter deferred;
  private final Counter failed;
  private final Timer lateness;
  private final ExecutorService searchers;

  FetchCycle(
      DueAlerts schedule,
      SearchResults results,
      EbaySearches ebay,
      AlertRun run,
      FetchSettings settings,
      Clock clock,
      MeterRegistry meters) {
    this.schedule = schedule;
    this.results = results;
    this.ebay = ebay;
    this.run = run;
    this.settings = settings;
    this.clock = clock;
    this.ebayCalls = meters.counter("alerts.fetch.ebay.calls");
    this.reused = meters.counter("alerts.fetch.reused");
    this.deferred = meters.counter("alerts.fetch.deferred");
    this.failed = meters.counter("alerts.runs.failed");
    this.lateness =
        Timer.builder("alerts.schedule.lateness")
            .description("How long after its due time an alert ran")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    this.searchers = searchers(settings.fetchConcurrency());
  }

  /**
   * Searches of a batch run side by side, so a tick's eBay latency and database round trips overlap
   * instead of adding up.
   */
  private static ExecutorService searchers(int concurrency) {
    AtomicInteger threads = new AtomicInteger();
    return Executors.newFixedThreadPool(
        concurrency,
        task -> {
          Thread thread = new Thread(task, "fetch-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  @PreDestroy
  void stop() {
    searchers.shutdownNow();
  }

  /** Runs what is due now; returns the number of alerts run. */
  int runDue() {
    int total = 0;
    while (true) {
      Instant now = now();
      List<DueAlert> batch = schedule.claim(now, settings.batchSize(), now.plus(settings.lease()));
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

  private Outcome runBatch(List<DueAlert> batch, Instant claimedAt) {
    Map<String, List<DueAlert>> bySearch = new LinkedHashMap<>();
    batch.forEach(
        alert -> bySearch.computeIfAbsent(alert.searchKey(), k -> new ArrayList<>()).add(alert));
    Batch state = new Batch(claimedAt);
    List<Callable<Void>> searches =
        bySearch.values().stream()
            .map(
                alerts ->
                    (Callable<Void>)
                        () -> {
                          runSearch(alerts, state);
                          return null;
                        })
            .toList();
    try {
      for (Future<Void> search : searchers.invokeAll(searches)) {
        search.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running due alerts", e);
    } catch (ExecutionException e) {
      // runSearch catches what a search or a run can throw; anything else is a bug to surface
      throw new IllegalStateException(e.getCause());
    }
    List<DueAlert> toDefer = state.toDefer();
    if (!toDefer.isEmpty()) {
      log.warn("{} alert(s) deferred: {}", toDefer.size(), state.deferReason.get());
      deferred.increment(toDefer.size());
      schedule.defer(toDefer, state.deferReason.get());
    }
    return new Outcome(state.ran.get(), !toDefer.isEmpty());
  }

  /** What the searches of one batch, running side by side, share. */
  private static final class Batch {
    private final Instant claimedAt;
    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicReference<String> deferReason = new AtomicReference<>();
    private final List<DueAlert> toDefer = new ArrayList<>();

    private Batch(Instant claimedAt) {
      this.claimedAt = claimedAt;
    }

    private synchronized void defer(List<DueAlert> alerts) {
      toDefer.addAll(alerts);
    }

    private synchronized List<DueAlert> toDefer() {
      return List.copyOf(toDefer);
    }
  }

  /** One search and the alerts sharing it: one eBay call at most, then each alert on its own. */
  private void runSearch(List<DueAlert> alerts, Batch state) {
    if (state.deferReason.get() != null) {
      state.defer(alerts);
      return;
    }
    SearchResults.Fetch fetch;
    try {
      fetch = fetch(alerts.get(0));
    } catch (EbayBudgetExhausted e) {
      state.deferReason.compareAndSet(
          null,
          "Deferred: the daily eBay call budget is spent until "
              + e.resetsAt().truncatedTo(ChronoUnit.MINUTES));
      state.defer(alerts);
      return;
    } catch (RuntimeException e) {
      log.warn("Search for {} alert(s) failed: {}", alerts.size(), e.toString());
      alerts.forEach(alert -> fail(alert, "eBay search failed: " + e.getMessage()));
      return;
    }
    for (DueAlert alert : alerts) {
      state.ran.addAndGet(runOne(alert, fetch, state.claimedAt));
    }
  }

  /**
   * The search's freshest result if it is younger than the shortest period of the alerts sharing
   * it; otherwise a new eBay call, stored for the others.
   */
  private SearchResults.Fetch fetch(DueAlert alert) {
    Instant now = now();
    Duration maxAge = Duration.ofMinutes(schedule.shortestPeriodMinutes(alert.searchKey()));
    Optional<SearchResults.Fetch> stored =
        results.freshSince(alert.searchKey(), now.minus(maxAge).plus(settings.tick()));
    if (stored.isPresent()) {
      reused.increment();
      return stored.get();
    }
    ebayCalls.increment();
    SearchResults.Fetch fetch = ebay.search(alert);
    results.store(alert.searchKey(), now, fetch);
    return fetch;
  }

  private int runOne(DueAlert alert, SearchResults.Fetch fetch, Instant claimedAt) {
    try {
      lateness.record(Duration.between(alert.nextRunAt(), claimedAt));
      run.process(alert, fetch, now());
      return 1;
    } catch (RuntimeException e) {
      log.warn("Alert {} failed: {}", alert.id(), e.toString());
      fail(alert, "Run failed: " + e.getMessage());
      return 0;
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
