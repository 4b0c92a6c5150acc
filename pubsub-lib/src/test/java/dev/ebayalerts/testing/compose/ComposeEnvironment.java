package dev.ebayalerts.testing.compose;

import dev.ebayalerts.testing.Postgres;
import dev.ebayalerts.testing.Redis;
import dev.ebayalerts.testing.Smtp;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment docker-compose.yml gives a service's container (from .env.example plus what a
 * real .env adds), with compose's service names moved to the tests' own PostgreSQL, Redis and SMTP
 * server. The database, its user and password are compose's: they are created on the test server as
 * the PostgreSQL image would create them.
 */
public final class ComposeEnvironment {

  private ComposeEnvironment() {}

  /**
   * @param service the compose service
   * @param dotEnv what a real .env adds to .env.example (secrets, public URL)
   * @param database the prefix of the service's database variables, e.g. {@code ALERTS_DB} ({@code
   *     _URL}, {@code _USER}, {@code _PASSWORD})
   * @return the variables, to add to or change before {@link #addTo}
   */
  public static Map<String, Object> of(
      String service, Map<String, String> dotEnv, String database) {
    Map<String, String> values = new HashMap<>(EnvFile.read(Repository.envExample()).values());
    values.putAll(dotEnv);
    Map<String, Object> environment =
        new HashMap<>(ComposeFile.read(Repository.composeFile()).environment(service, values));

    JdbcConnectionDetails server = Postgres.forTests();
    String url = (String) environment.get(database + "_URL");
    PostgresImage.initialize(
        server.getJdbcUrl(),
        server.getUsername(),
        server.getPassword(),
        PostgresImage.database(url),
        (String) environment.get(database + "_USER"),
        (String) environment.get(database + "_PASSWORD"));
    environment.put(database + "_URL", PostgresImage.onServer(url, server.getJdbcUrl()));
    environment.put("REDIS_HOST", "127.0.0.1");
    environment.put(
        "REDIS_PORT",
        String.valueOf(Redis.forTests().connectionDetails().getStandalone().getPort()));
    environment.put("SMTP_HOST", "127.0.0.1");
    environment.put("SMTP_PORT", String.valueOf(Smtp.forTests().port()));
    return environment;
  }

  /** Puts the variables in front of every other property source, bound as the container's are. */
  public static void addTo(ConfigurableEnvironment target, Map<String, Object> environment) {
    target.getPropertySources().addFirst(source(environment));
  }

  /**
   * The variables as environment variables: the {@code -systemEnvironment} suffix of its name turns
   * on Spring Boot's relaxed binding for them, as in the container.
   */
  public static PropertySource<?> source(Map<String, Object> environment) {
    return new SystemEnvironmentPropertySource(
        "docker-compose-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        environment);
  }
}
