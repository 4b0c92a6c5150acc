package dev.ebayalerts.analytics.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.support.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Without alerts-service's secrets the service does not start, and says which to set. */
class SessionSettingsTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SessionSettings.class)
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
              .hasMessageContaining("ALERTS_SESSION_VERIFY_KEY")
              .hasMessageContaining("ALERTS_OPERATOR_API_KEY");
        });
  }

  @Test
  void refusesAPrivateKeyWhereThePublicOneBelongs() {
    context
        .withPropertyValues(
            "analytics.security.session-verify-key=" + Sessions.SIGNING_KEY,
            "analytics.security.operator-api-key=" + Sessions.OPERATOR_KEY)
        .run(
            started ->
                assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining(
                        "ALERTS_SESSION_VERIFY_KEY is not an Ed25519 public key"));
  }

  @Test
  void startsWithBoth() {
    context
        .withPropertyValues(
            "analytics.security.session-verify-key=" + Sessions.VERIFY_KEY,
            "analytics.security.operator-api-key=" + Sessions.OPERATOR_KEY)
        .run(
            started ->
                assertThat(started.getBean(SessionSettings.class).sessionVerifyKey())
                    .isEqualTo(Sessions.VERIFY_KEY));
  }
}
