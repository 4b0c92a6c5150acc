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
 * @param batchSize alerts claimed at a time; a cycle claims batches until nothing is due
 * @param lease how long a claimed alert is reserved for the instance that claimed it; an instance
 *     that dies mid-run releases its alerts when the lease ends
 * @param fetchLimit listings asked from eBay per search (newest first)
 * @param firstEmailLimit listings in an alert's first email, the current top ones
 * @param fetchConcurrency distinct searches of a batch fetched (and their alerts run) at the same
 *     time; each holds a database connection while its alerts run
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
    @DefaultValue("4") @Min(1) @Max(32) int fetchConcurrency,
    @DefaultValue("") @Size(max = 100) String instance) {

  FetchSettings {
    if (instance == null || instance.isBlank()) {
      String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
      instance = name.length() <= 100 ? name : name.substring(0, 100);
    }
  }
}
