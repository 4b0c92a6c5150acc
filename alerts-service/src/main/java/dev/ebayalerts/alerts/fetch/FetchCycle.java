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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
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
 * search costs at most one eBay call, and runs each alert on its own so one failure never stops the
 * others. When the eBay call budget is spent the remaining alerts are deferred, not failed: they
 * stay due and, waiting longest, come first once calls are allowed again.
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
  private final Counter deferred;
  private final Counter failed;
  private final Timer lateness;
  private final ExecutorService searchers;

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

  /**
   * One search and the alerts sharing it: one eBay call at most, then each alert on its own. A
   * fresh stored result costs nothing and serves every alert; a new call serves only the alerts of
   * addresses that have calls left today, and counts for each of those addresses, while the others
   * wait for the next UTC day (fair use: one address cannot spend everybody's budget).
   */
  private void runSearch(List<DueAlert> alerts, Batch state) {
    if (state.deferReason.get() != null) {
      state.defer(alerts);
      return;
    }
    SearchResults.Fetch fetch;
    List<DueAlert> served = alerts;
    try {
      Optional<SearchResults.Fetch> stored = stored(alerts.get(0));
      if (stored.isPresent()) {
        reused.increment();
        fetch = stored.get();
      } else {
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
        fetch = call(served.get(0));
        usage.charge(served.stream().map(DueAlert::email).collect(Collectors.toSet()), today);
      }
    } catch (EbayBudgetExhausted e) {
      state.deferReason.compareAndSet(
          null,
          "Deferred: the daily eBay call budget is spent until "
              + e.resetsAt().truncatedTo(ChronoUnit.MINUTES));
      state.defer(served);
      return;
    } catch (RuntimeException e) {
      log.warn("Search for {} alert(s) failed: {}", served.size(), e.toString());
      served.forEach(alert -> fail(alert, "eBay search failed: " + e.getMessage()));
      return;
    }
    for (DueAlert alert : served) {
      state.ran.addAndGet(runOne(alert, fetch, state.claimedAt));
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
   * The search's freshest result if it is younger than the shortest period of the alerts sharing
   * it.
   */
  private Optional<SearchResults.Fetch> stored(DueAlert alert) {
    Duration maxAge = Duration.ofMinutes(schedule.shortestPeriodMinutes(alert.searchKey()));
    return results.freshSince(alert.searchKey(), now().minus(maxAge).plus(settings.tick()));
  }

  /** A new eBay call, its result stored for the alerts sharing the search. */
  private SearchResults.Fetch call(DueAlert alert) {
    Instant now = now();
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
