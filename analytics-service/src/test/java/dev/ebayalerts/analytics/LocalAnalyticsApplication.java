package dev.ebayalerts.analytics;

import dev.ebayalerts.analytics.support.Postgres;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs analytics-service on this machine with nothing installed: its own embedded PostgreSQL keeps
 * its data in {@code .local-data/analytics-db}; Redis is the one the local alerts-service started
 * ({@code REDIS_PORT}, 16379). Started by {@code ./run-local}.
 */
public class LocalAnalyticsApplication {

  public static void main(String[] args) {
    SpringApplication.from(AnalyticsApplication::main)
        .with(LocalInfrastructure.class)
        .run(
            "--server.port=8081",
            "--spring.data.redis.port=" + System.getenv().getOrDefault("REDIS_PORT", "16379"));
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class LocalInfrastructure {

    @Bean
    JdbcConnectionDetails analyticsDatabase() {
      Path data =
          Path.of(System.getenv().getOrDefault("LOCAL_DATA_DIR", "../.local-data"))
              .toAbsolutePath();
      int port = Integer.parseInt(System.getenv().getOrDefault("ANALYTICS_DB_PORT", "15433"));
      return Postgres.persistent(data.resolve("analytics-db"), port);
    }
  }
}
