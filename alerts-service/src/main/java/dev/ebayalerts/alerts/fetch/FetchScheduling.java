package dev.ebayalerts.alerts.fetch;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The fetch cycle as a Quartz job in the clustered JDBC job store: every tick one instance of the
 * cluster runs it, and if that instance dies Quartz hands the trigger to another. Which alerts are
 * due is the alerts' own schedule ({@link DueAlerts}), so a change to an alert takes effect on the
 * next tick without touching Quartz.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "alerts.scheduler.enabled", matchIfMissing = true)
class FetchScheduling {

  static final String JOB = "fetch-cycle";

  @Bean
  JobDetail fetchCycleJob() {
    return JobBuilder.newJob(FetchCycleJob.class).withIdentity(JOB).storeDurably().build();
  }

  @Bean
  Trigger fetchCycleTrigger(JobDetail fetchCycleJob, FetchSettings settings) {
    return TriggerBuilder.newTrigger()
        .forJob(fetchCycleJob)
        .withIdentity(JOB)
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(settings.tick().toMillis())
                .repeatForever()
                // after downtime, run once now rather than once per missed tick
                .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
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
