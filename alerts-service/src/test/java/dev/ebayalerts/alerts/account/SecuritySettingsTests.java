package dev.ebayalerts.alerts.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Missing, placeholder and guessable secrets stop the service at startup, naming the variable. */
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
            "alerts.security.session-secret=" + TestSecrets.SESSION,
            "alerts.security.session-signing-key=" + TestSecrets.SESSION_SIGNING_KEY,
            "alerts.security.operator-api-key=" + TestSecrets.OPERATOR_KEY)
        .run(
            started -> {
              assertThat(started).hasNotFailed();
              SecuritySettings settings = started.getBean(SecuritySettings.class);
              assertThat(settings.allowedOrigins()).containsExactly("http://localhost:3000");
              assertThat(settings.signInLinkTtl()).hasMinutes(15);
            });
  }

  /** The values .env.example ships with are public: a deployment that kept them does not start. */
  @Test
  void refusesThePlaceholdersOfEnvExampleAndGuessableValues() {
    context
        .withPropertyValues(
            "alerts.security.session-secret=CHANGE-ME-local-only-placeholder-session-secret-00",
            "alerts.security.session-signing-key=" + TestSecrets.SESSION_VERIFY_KEY,
            "alerts.security.operator-api-key=" + "k".repeat(64))
        .run(
            started -> {
              assertThat(started).hasFailed();
              assertThat(started.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining(
                      "ALERTS_SESSION_SECRET is a placeholder (it contains \"change-me\")")
                  .hasMessageContaining(
                      "ALERTS_OPERATOR_API_KEY is too easy to guess (about 0 bits")
                  .hasMessageContaining("openssl rand -base64 48")
                  // a public key where the private one belongs
                  .hasMessageContaining("ALERTS_SESSION_SIGNING_KEY is not an Ed25519 private key")
                  .hasMessageContaining("openssl genpkey -algorithm ed25519");
            });
  }
}
