package dev.ebayalerts.alerts.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * The cycle jobs kept in the job store (here Quartz's in-memory store; the cluster's is the same
 * API over PostgreSQL): as many as configured, each with its own trigger, so that several instances
 * can each run one at the same time.
 */
class FetchSchedulingTests {

  Scheduler scheduler;

  @BeforeEach
  void scheduler() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", "fetch-scheduling-tests");
    properties.setProperty("org.quartz.threadPool.threadCount", "1");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    scheduler = new StdSchedulerFactory(properties).getScheduler();
  }

  @AfterEach
  void stop() throws Exception {
    scheduler.shutdown();
  }

  @Test
  void keepsAsManyCycleJobsAsConfiguredEachWithATriggerEveryTick() throws Exception {
    // the single job of earlier versions is replaced
    scheduler.addJob(
        JobBuilder.newJob(FetchScheduling.FetchCycleJob.class)
            .withIdentity("fetch-cycle")
            .storeDurably()
            .build(),
        true);

    run(4, Duration.ofSeconds(10));
    // every instance runs the same at its start: nothing is added twice
    run(4, Duration.ofSeconds(10));

    assertThat(jobs())
        .containsExactlyInAnyOrder(
            "fetch-cycle-1", "fetch-cycle-2", "fetch-cycle-3", "fetch-cycle-4");
    assertThat(scheduler.checkExists(JobKey.jobKey("fetch-cycle"))).isFalse();
    for (String job : jobs()) {
      SimpleTrigger trigger =
          (SimpleTrigger) scheduler.getTrigger(TriggerKey.triggerKey(job, FetchScheduling.GROUP));
      assertThat(trigger.getRepeatInterval()).isEqualTo(10_000);
    }
  }

  @Test
  void fewerCyclesRemoveTheRestAndANewTickReschedules() throws Exception {
    run(4, Duration.ofSeconds(10));

    run(2, Duration.ofSeconds(5));

    assertThat(jobs()).containsExactlyInAnyOrder("fetch-cycle-1", "fetch-cycle-2");
    SimpleTrigger trigger =
        (SimpleTrigger)
            scheduler.getTrigger(TriggerKey.triggerKey("fetch-cycle-2", FetchScheduling.GROUP));
    assertThat(trigger.getRepeatInterval()).isEqualTo(5_000);
  }

  private void run(int cycles, Duration tick) throws Exception {
    FetchSettings settings =
        new FetchSettings(
            true, tick, 200, Duration.ofMinutes(5), 50, 20, 32, 2, 50, cycles, 2000, "test");
    new FetchScheduling().fetchCycleJobs(scheduler, settings).run(null);
  }

  private Set<String> jobs() throws Exception {
    return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(FetchScheduling.GROUP)).stream()
        .map(JobKey::getName)
        .collect(Collectors.toSet());
  }
}
