package dev.ebayalerts.alerts.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.ManageLinks;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.TestSecrets;
import dev.ebayalerts.ebay.EbayClientProperties;
import dev.ebayalerts.testing.Redis;
import dev.ebayalerts.testing.Smtp;
import dev.ebayalerts.testing.compose.ComposeChecks;
import dev.ebayalerts.testing.compose.ComposeEnvironment;
import dev.ebayalerts.testing.compose.PropertyNames;
import dev.ebayalerts.testing.compose.Repository;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * alerts-service started with exactly the environment docker-compose.yml gives its container (from
 * .env.example plus the secrets a real .env must add), as environment variables, so Spring Boot's
 * relaxed binding applies as in the container. Only the hosts and ports of compose's service names
 * are moved to this test's own PostgreSQL, Redis, SMTP server and eBay stub; the database and user
 * names, and every other value, are compose's.
 */
@SpringBootTest(
    properties = {
      // no fetch cycles against the eBay stub while the context is up
      "alerts.scheduler.enabled=false",
      // Redis is the JVM's shared test server: a database of its own keeps this context's events,
      // eBay token and call budget apart from the other tests' context
      "spring.data.redis.database=1"
    })
@ContextConfiguration(initializers = ComposeEnvironmentTests.ComposeVariables.class)
// closed after its tests: a context no other test class shares
@DirtiesContext
class ComposeEnvironmentTests {

  private static final String SERVICE = "alerts-service";

  /** What an operator's .env adds to .env.example; some values differ from the defaults. */
  private static final Map<String, String> DOT_ENV =
      Map.of(
          "ALERTS_LINK_SECRET", TestSecrets.LINK,
          "ALERTS_SESSION_SECRET", TestSecrets.SESSION,
          "ALERTS_SESSION_SIGNING_KEY", TestSecrets.SESSION_SIGNING_KEY,
          "ALERTS_OPERATOR_API_KEY", TestSecrets.OPERATOR_KEY,
          "ALERTS_PUBLIC_URL", "https://alerts.example.test",
          "EBAY_DAILY_CALL_BUDGET", "4321");

  @Autowired ConfigurableApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired LettuceConnectionFactory redis;
  @Autowired JavaMailSenderImpl mail;
  @Autowired EbayClientProperties ebay;
  @Autowired ManageLinks links;

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
    String text = Files.readString(Repository.composeFile());
    Files.writeString(
        broken,
        text.replace(
            "      ALERTS_DB_URL: ${ALERTS_DB_URL:-",
            "      ALERTS_SCHEDULER_EBAY_CONCURRENCY: \"8\"\n"
                + "      SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE: \"5\"\n"
                + "      ALERTS_SCHEDULER_EBAY_CONCURENCY: \"8\"\n"
                + "      ALERTS_DB_URL: ${ALERTS_DB_URL:-"));

    // relaxed names of real properties pass; the misspelt one is named
    assertThat(ComposeChecks.unboundVariables(broken, SERVICE, PropertyNames.of(context)))
        .containsExactly(
            "alerts-service: ALERTS_SCHEDULER_EBAY_CONCURENCY sets no property alerts-service"
                + " reads");
  }

  @Test
  void connectsToTheDatabaseAsTheUserComposeNames() {
    assertThat(
            jdbc.queryForObject("select current_database() || ' ' || current_user", String.class))
        .isEqualTo("alerts alerts");
  }

  @Test
  void usesTheRedisAndSmtpServerComposeNames() {
    assertThat(redis.getPort()).isEqualTo(port(Redis.forTests()));
    assertThat(redis.getConnection().ping()).isEqualTo("PONG");
    assertThat(mail.getHost()).isEqualTo("127.0.0.1");
    assertThat(mail.getPort()).isEqualTo(Smtp.forTests().port());
  }

  @Test
  void readsTheEbayAndLinkSettingsFromTheEnvFile() {
    assertThat(ebay.dailyCallBudget()).isEqualTo(4321);
    assertThat(ebay.environment().name()).isEqualTo("MOCK");
    assertThat(ebay.baseUrl()).isEqualTo(URI.create(EbayStub.baseUrl()));
    assertThat(links.baseUrl()).isEqualTo("https://alerts.example.test");
  }

  private static int port(Redis redis) {
    return redis.connectionDetails().getStandalone().getPort();
  }

  /** Compose's environment for alerts-service, pointed at this test's servers. */
  static class ComposeVariables
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Map<String, Object> environment = ComposeEnvironment.of(SERVICE, DOT_ENV, "ALERTS_DB");
      environment.put("EBAY_BASE_URL", EbayStub.baseUrl());
      ComposeEnvironment.addTo(context.getEnvironment(), environment);
    }
  }
}
