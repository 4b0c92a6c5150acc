package dev.ebayalerts.analytics.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.support.Sessions;
import dev.ebayalerts.testing.Postgres;
import dev.ebayalerts.testing.Redis;
import dev.ebayalerts.testing.Smtp;
import dev.ebayalerts.testing.compose.ComposeChecks;
import dev.ebayalerts.testing.compose.ComposeFile;
import dev.ebayalerts.testing.compose.EnvFile;
import dev.ebayalerts.testing.compose.PostgresImage;
import dev.ebayalerts.testing.compose.PropertyNames;
import dev.ebayalerts.testing.compose.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
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
@ContextConfiguration(initializers = ComposeEnvironmentTests.ComposeEnvironment.class)
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
  static class ComposeEnvironment
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Map<String, String> values = new HashMap<>(EnvFile.read(Repository.envExample()).values());
      values.putAll(DOT_ENV);
      Map<String, Object> environment =
          new HashMap<>(ComposeFile.read(Repository.composeFile()).environment(SERVICE, values));

      JdbcConnectionDetails server = Postgres.forTests();
      String url = (String) environment.get("ANALYTICS_DB_URL");
      PostgresImage.initialize(
          server.getJdbcUrl(),
          server.getUsername(),
          server.getPassword(),
          PostgresImage.database(url),
          (String) environment.get("ANALYTICS_DB_USER"),
          (String) environment.get("ANALYTICS_DB_PASSWORD"));
      environment.put("ANALYTICS_DB_URL", PostgresImage.onServer(url, server.getJdbcUrl()));
      environment.put("REDIS_HOST", "127.0.0.1");
      environment.put("REDIS_PORT", String.valueOf(port(Redis.forTests())));
      environment.put("SMTP_HOST", "127.0.0.1");
      environment.put("SMTP_PORT", String.valueOf(Smtp.forTests().port()));

      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new SystemEnvironmentPropertySource(
                  // the "-systemEnvironment" suffix turns on relaxed binding for it
                  "docker-compose-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                  environment));
    }
  }
}
