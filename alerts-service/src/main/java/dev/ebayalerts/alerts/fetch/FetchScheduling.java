package dev.ebayalerts.alerts.fetch;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The fetch cycle as Quartz jobs in the clustered JDBC job store: {@code alerts.scheduler.cycles}
 * jobs of the same cycle, each firing every tick (staggered over it) and never running twice at
 * once, each fired by whichever instance of the cluster acquires it, and handed to another if that
 * instance dies. With several jobs, several instances run cycles at the same time, and the alerts'
 * {@code SKIP LOCKED} claim with a lease ({@link DueAlerts}) gives each disjoint alerts: one job
 * would make every other instance a standby, since Quartz never runs a job twice at once. Which
 * alerts are due is the alerts' own schedule, so a change to an alert takes effect on the next tick
 * without touching Quartz.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "alerts.scheduler.enabled", matchIfMissing = true)
class FetchScheduling {

  private static final Logger log = LoggerFactory.getLogger(FetchScheduling.class);

  static final String GROUP = "fetch-cycle";

  /**
   * Keeps exactly the configured number of cycle jobs in the shared store. Every instance does so
   * at start; two starting together both try, and the one that loses the race finds the job there.
   */
  @Bean
  ApplicationRunner fetchCycleJobs(Scheduler scheduler, FetchSettings settings) {
    return args -> {
      Set<JobKey> wanted = new HashSet<>();
      long stagger = settings.tick().toMillis() / settings.cycles();
      for (int n = 1; n <= settings.cycles(); n++) {
        JobKey key = JobKey.jobKey("fetch-cycle-" + n, GROUP);
        wanted.add(key);
        JobDetail job =
            JobBuilder.newJob(FetchCycleJob.class).withIdentity(key).storeDurably().build();
        Trigger trigger =
            TriggerBuilder.newTrigger()
                .forJob(job)
                .withIdentity(TriggerKey.triggerKey(key.getName(), GROUP))
                .startAt(Date.from(Instant.now().plusMillis(stagger * n)))
                .withSchedule(
                    SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.tick().toMillis())
                        .repeatForever()
                        // after downtime, run once now rather than once per missed tick
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        schedule(scheduler, job, trigger);
      }
      for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
        if (!wanted.contains(key)) {
          scheduler.deleteJob(key);
        }
      }
      // the single job of earlier versions
      scheduler.deleteJob(JobKey.jobKey("fetch-cycle"));
    };
  }

  private static void schedule(Scheduler scheduler, JobDetail job, Trigger trigger)
      throws SchedulerException {
    try {
      if (scheduler.checkExists(trigger.getKey())) {
        Trigger existing = scheduler.getTrigger(trigger.getKey());
        if (existing instanceof org.quartz.SimpleTrigger simple
            && simple.getRepeatInterval()
                == ((org.quartz.SimpleTrigger) trigger).getRepeatInterval()) {
          return;
        }
        scheduler.rescheduleJob(trigger.getKey(), trigger);
        return;
      }
      scheduler.scheduleJob(job, Set.of(trigger), true);
    } catch (ObjectAlreadyExistsException e) {
      log.debug("Another instance scheduled {} first", job.getKey());
    }
  }

  @DisallowConcurrentExecution
  static class FetchCycleJob extends QuartzJobBean {

    private final FetchCycle cycle;

    FetchCycleJob(FetchCycle cycle) {
      this.cycle = cycle;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
      cycle.runDue();
    }
  }
}
