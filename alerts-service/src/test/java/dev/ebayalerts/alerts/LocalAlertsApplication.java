package dev.ebayalerts.alerts;

import dev.ebayalerts.alerts.support.Postgres;
import dev.ebayalerts.alerts.support.Redis;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs alerts-service on this machine with nothing installed: an embedded PostgreSQL and Redis keep
 * their data in {@code .local-data/} so a restart loses nothing. Started by {@code ./run-local}.
 */
public class LocalAlertsApplication {

  public static void main(String[] args) {
    SpringApplication.from(AlertsApplication::main).with(LocalInfrastructure.class).run(args);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class LocalInfrastructure {

    private static final Path DATA =
        Path.of(System.getenv().getOrDefault("LOCAL_DATA_DIR", "../.local-data")).toAbsolutePath();

    @Bean
    JdbcConnectionDetails alertsDatabase() {
      return Postgres.persistent(DATA.resolve("alerts-db"), port("ALERTS_DB_PORT", 15432));
    }

    @Bean
    DataRedisConnectionDetails redis() {
      return Redis.persistent(DATA.resolve("redis"), port("REDIS_PORT", 16379)).connectionDetails();
    }

    private static int port(String variable, int fallback) {
      return Integer.parseInt(System.getenv().getOrDefault(variable, String.valueOf(fallback)));
    }
  }
}
