package dev.ebayalerts.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** A parked digest is retried hourly unless set otherwise, and never faster than quick retries. */
class DigestSettingsTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DigestSettings.class)
  static class Settings {}

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Settings.class);

  @Test
  void parkedDigestsAreRetriedHourlyByDefault() {
    context.run(
        started ->
            assertThat(started.getBean(DigestSettings.class).parkedRetry())
                .isEqualTo(Duration.ofHours(1)));
  }

  @Test
  void refusesAParkedRetryShorterThanTheLongestQuickRetry() {
    context
        .withPropertyValues("analytics.digest.max-backoff=1h", "analytics.digest.parked-retry=10m")
        .run(
            started ->
                assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("parked-retry must be at least"));
  }
}
