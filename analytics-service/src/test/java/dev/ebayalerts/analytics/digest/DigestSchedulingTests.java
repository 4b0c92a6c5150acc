package dev.ebayalerts.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The Quartz job and trigger: every interval, first one interval after start, switchable off. */
class DigestSchedulingTests {

  static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DigestSettings.class)
  static class Settings {}

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Settings.class, DigestScheduling.class)
          .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void runsEveryThirtyMinutesByDefault() {
    context.run(
        app -> {
          SimpleTrigger trigger = (SimpleTrigger) app.getBean(Trigger.class);
          assertThat(trigger.getKey().getName()).isEqualTo("insight-digest");
          assertThat(trigger.getRepeatInterval()).isEqualTo(Duration.ofMinutes(30).toMillis());
          assertThat(trigger.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
          assertThat(trigger.getStartTime().toInstant())
              .isEqualTo(NOW.plus(Duration.ofMinutes(30)));
          JobDetail job = app.getBean(JobDetail.class);
          assertThat(job.getKey().getName()).isEqualTo("insight-digest");
          assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
        });
  }

  @Test
  void intervalIsConfigurable() {
    context
        .withPropertyValues("analytics.digest.interval=2h")
        .run(
            app ->
                assertThat(((SimpleTrigger) app.getBean(Trigger.class)).getRepeatInterval())
                    .isEqualTo(Duration.ofHours(2).toMillis()));
  }

  @Test
  void canBeSwitchedOff() {
    context
        .withPropertyValues("analytics.digest.enabled=false")
        .run(
            app -> assertThat(app).doesNotHaveBean(Trigger.class).doesNotHaveBean(JobDetail.class));
  }
}
