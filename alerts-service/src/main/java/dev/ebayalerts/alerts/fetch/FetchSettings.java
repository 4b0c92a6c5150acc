package dev.ebayalerts.alerts.fetch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How due alerts are fetched.
 *
 * @param enabled whether this instance runs fetch cycles (the Quartz trigger exists only then)
 * @param tick how often a fetch cycle looks for due alerts; the lateness of a run is at most this
 * @param batchSize alerts claimed at a time; a cycle claims batches until nothing that was due when
 *     it started is left
 * @param lease how long a claimed alert is reserved for the instance that claimed it; an instance
 *     that dies mid-run releases its alerts when the lease ends
 * @param fetchLimit listings asked from eBay per search (newest first)
 * @param firstEmailLimit listings in an alert's first email, the current top ones
 * @param ebayConcurrency eBay searches in flight at the same time. Searches wait on eBay, not on
 *     this machine, so this is sized from eBay's latency: a period's distinct searches times the
 *     latency, divided by the period, is the least that keeps up (20,000 searches at 100 ms in 2
 *     minutes: 17); the default leaves room for slower answers
 * @param runConcurrency batches of alerts run at the same time, each in one transaction on one
 *     database connection: the runs are database and CPU work, so about the number of cores
 * @param runBatchSize alerts run in one transaction: their reads and writes are a few statements
 *     for the whole batch; a batch that fails is run again one alert at a time
 * @param instance this instance's name in {@code alert.last_run_by}, so an operator (and the
 *     cluster test) sees which of several instances ran an alert; by default the process id and
 *     host name
 */
@Validated
@ConfigurationProperties("alerts.scheduler")
record FetchSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10s") @NotNull Duration tick,
    @DefaultValue("200") @Min(1) @Max(10_000) int batchSize,
    @DefaultValue("5m") @NotNull Duration lease,
    @DefaultValue("50") @Min(1) @Max(200) int fetchLimit,
    @DefaultValue("20") @Min(1) @Max(200) int firstEmailLimit,
    @DefaultValue("32") @Min(1) @Max(256) int ebayConcurrency,
    @DefaultValue("2") @Min(1) @Max(32) int runConcurrency,
    @DefaultValue("50") @Min(1) @Max(1_000) int runBatchSize,
    @DefaultValue("4") @Min(1) @Max(64) int cycles,
    @DefaultValue("2000") @Min(0) @Max(1_000_000) int parsedResults,
    @DefaultValue("") @Size(max = 100) String instance) {

  FetchSettings {
    if (instance == null || instance.isBlank()) {
      String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
      instance = name.length() <= 100 ? name : name.substring(0, 100);
    }
  }
}
