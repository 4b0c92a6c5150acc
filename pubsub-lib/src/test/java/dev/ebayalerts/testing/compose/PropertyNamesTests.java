package dev.ebayalerts.testing.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class PropertyNamesTests {

  @ConfigurationProperties("alerts.scheduler")
  record SchedulerSettings(
      int fetchConcurrency, Duration tick, Retry retry, Map<String, String> labels) {
    record Retry(Duration maxBackoff) {}
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SchedulerSettings.class)
  static class Settings {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void namesEveryPropertyInBothFormsSpringBootReadsFromTheEnvironment() {
    runner.run(
        context -> {
          PropertyNames names = PropertyNames.of(context);

          assertThat(names.binds("ALERTS_SCHEDULER_FETCHCONCURRENCY")).isTrue();
          assertThat(names.binds("ALERTS_SCHEDULER_FETCH_CONCURRENCY")).isTrue();
          assertThat(names.binds("ALERTS_SCHEDULER_TICK")).isTrue();
          assertThat(names.binds("ALERTS_SCHEDULER_RETRY_MAXBACKOFF")).isTrue();
          assertThat(names.binds("ALERTS_SCHEDULER_LABELS_TEAM")).isTrue();

          assertThat(names.binds("ALERTS_SCHEDULER_FETCH_CONCURENCY")).isFalse();
          assertThat(names.binds("ALERTS_SCHEDULER")).isFalse();
          assertThat(names.binds("ANALYTICS_SCHEDULER_TICK")).isFalse();
        });
  }
}
