package dev.ebayalerts.alerts.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Missing secrets stop the service at startup, saying which variable to set. */
class SecuritySettingsTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SecuritySettings.class)
  static class Settings {}

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Settings.class);

  @Test
  void refusesToStartWithoutTheSessionSecretOrTheOperatorKey() {
    context.run(
        started -> {
          assertThat(started).hasFailed();
          assertThat(started.getStartupFailure())
              .rootCause()
              .hasMessageContaining("ALERTS_SESSION_SECRET")
              .hasMessageContaining("ALERTS_OPERATOR_API_KEY");
        });
  }

  @Test
  void startsWithBothAndDefaultsTheRest() {
    context
        .withPropertyValues(
            "alerts.security.session-secret=" + "s".repeat(32),
            "alerts.security.operator-api-key=" + "k".repeat(32))
        .run(
            started -> {
              assertThat(started).hasNotFailed();
              SecuritySettings settings = started.getBean(SecuritySettings.class);
              assertThat(settings.allowedOrigins()).containsExactly("http://localhost:3000");
              assertThat(settings.signInLinkTtl()).hasMinutes(15);
            });
  }
}
