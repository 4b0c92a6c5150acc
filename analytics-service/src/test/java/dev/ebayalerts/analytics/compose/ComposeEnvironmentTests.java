package dev.ebayalerts.analytics.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.support.Sessions;
import dev.ebayalerts.testing.Redis;
import dev.ebayalerts.testing.Smtp;
import dev.ebayalerts.testing.compose.ComposeChecks;
import dev.ebayalerts.testing.compose.ComposeEnvironment;
import dev.ebayalerts.testing.compose.PropertyNames;
import dev.ebayalerts.testing.compose.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * analytics-service started with exactly the environment docker-compose.yml gives its container
 * (from .env.example plus the secrets a real .env must add), as environment variables, so Spring
 * Boot's relaxed binding applies as in the container. Only the hosts and ports of compose's service
 * names are moved to this test's own PostgreSQL, Redis and SMTP server; the database and user
 * names, and every other value, are compose's.
 */
@SpringBootTest(
    // Redis is the JVM's shared test server: a database of its own keeps this context's consumer
    // away from the events of the other tests' context
    properties = "spring.data.redis.database=1")
@ContextConfiguration(initializers = ComposeEnvironmentTests.ComposeVariables.class)
// closed after its tests: a context no other test class shares
@DirtiesContext
class ComposeEnvironmentTests {

  private static final String SERVICE = "analytics-service";

  /** What an operator's .env adds to .env.example; some values differ from the defaults. */
  private static final Map<String, String> DOT_ENV =
      Map.of(
          "ALERTS_LINK_SECRET", "a-secret-of-at-least-thirty-two-characters",
          "ALERTS_SESSION_VERIFY_KEY", Sessions.VERIFY_KEY,
          "ALERTS_OPERATOR_API_KEY", Sessions.OPERATOR_KEY,
          "ALERTS_PUBLIC_URL", "https://alerts.example.test",
          "ANALYTICS_DIGEST_INTERVAL", "45m");

  @Autowired ConfigurableApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired LettuceConnectionFactory redis;
  @Autowired JavaMailSenderImpl mail;

  @Test
  void everyVariableComposeGivesItSetsAPropertyItReads() {
    assertThat(
            ComposeChecks.unboundVariables(
                Repository.composeFile(), SERVICE, PropertyNames.of(context)))
        .isEmpty();
  }

  @Test
  void reportsAVariableThatSetsNothing(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("docker-compose.yml");
    Files.writeString(
        broken,
        Files.readString(Repository.composeFile())
            .replace(
                "      ANALYTICS_DIGEST_INTERVAL: ",
                "      ANALYTICS_DIGEST_INTERVALL: \"1h\"\n      ANALYTICS_DIGEST_INTERVAL: "));

    assertThat(ComposeChecks.unboundVariables(broken, SERVICE, PropertyNames.of(context)))
        .containsExactly(
            "analytics-service: ANALYTICS_DIGEST_INTERVALL sets no property analytics-service"
                + " reads");
  }

  @Test
  void connectsToTheDatabaseAsTheUserComposeNames() {
    assertThat(
            jdbc.queryForObject("select current_database() || ' ' || current_user", String.class))
        .isEqualTo("analytics analytics");
  }

  @Test
  void usesTheRedisAndSmtpServerComposeNames() {
    assertThat(redis.getPort()).isEqualTo(port(Redis.forTests()));
    assertThat(redis.getConnection().ping()).isEqualTo("PONG");
    assertThat(mail.getHost()).isEqualTo("127.0.0.1");
    assertThat(mail.getPort()).isEqualTo(Smtp.forTests().port());
  }

  @Test
  void bindsTheDigestIntervalAndLinkSettingsFromTheEnvFile() {
    // no placeholder in application.yml: relaxed binding of ANALYTICS_DIGEST_INTERVAL
    Binder binder = Binder.get(context.getEnvironment());
    assertThat(binder.bind("analytics.digest.interval", Duration.class).get())
        .isEqualTo(Duration.ofMinutes(45));
    assertThat(binder.bind("alerts.links.base-url", String.class).get())
        .isEqualTo("https://alerts.example.test");
  }

  private static int port(Redis redis) {
    return redis.connectionDetails().getStandalone().getPort();
  }

  /** Compose's environment for analytics-service, pointed at this test's servers. */
  static class ComposeVariables
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Map<String, Object> environment = ComposeEnvironment.of(SERVICE, DOT_ENV, "ANALYTICS_DB");
      ComposeEnvironment.addTo(context.getEnvironment(), environment);
    }
  }
}
