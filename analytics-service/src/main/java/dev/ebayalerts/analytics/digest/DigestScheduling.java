package dev.ebayalerts.analytics.digest;

import java.time.Clock;
import java.util.Date;
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
 * Digest generation as a Quartz job in the clustered JDBC job store: every interval one instance of
 * the cluster runs it, and if that instance dies Quartz hands the trigger to another.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "analytics.digest.enabled", matchIfMissing = true)
class DigestScheduling {

  static final String JOB = "insight-digest";

  @Bean
  JobDetail insightDigestJob() {
    return JobBuilder.newJob(InsightDigestJob.class).withIdentity(JOB).storeDurably().build();
  }

  @Bean
  Trigger insightDigestTrigger(JobDetail insightDigestJob, DigestSettings settings, Clock clock) {
    return TriggerBuilder.newTrigger()
        .forJob(insightDigestJob)
        .withIdentity(JOB)
        // The first run one interval after start: a restart (which replaces the trigger) never
        // sends a digest sooner than an interval after the last.
        .startAt(Date.from(clock.instant().plus(settings.interval())))
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(settings.interval().toMillis())
                .repeatForever()
                // a run missed while the scheduler was busy or down is skipped, not caught up on
                .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
  }

  @DisallowConcurrentExecution
  static class InsightDigestJob extends QuartzJobBean {

    private final DigestGenerator generator;

    InsightDigestJob(DigestGenerator generator) {
      this.generator = generator;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
      generator.generateAll();
    }
  }
}
