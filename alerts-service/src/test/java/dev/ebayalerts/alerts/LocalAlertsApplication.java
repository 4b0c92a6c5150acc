package dev.ebayalerts.alerts;

import dev.ebayalerts.alerts.support.Postgres;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs alerts-service on this machine with nothing installed: an embedded PostgreSQL keeps its data
 * in {@code .local-data/alerts-db} so a restart loses nothing. Started by {@code ./run-local}.
 */
public class LocalAlertsApplication {

  public static void main(String[] args) {
    SpringApplication.from(AlertsApplication::main).with(LocalInfrastructure.class).run(args);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class LocalInfrastructure {

    @Bean
    JdbcConnectionDetails alertsDatabase() {
      String dataDir = System.getenv().getOrDefault("LOCAL_DATA_DIR", "../.local-data");
      int port = Integer.parseInt(System.getenv().getOrDefault("ALERTS_DB_PORT", "15432"));
      return Postgres.persistent(Path.of(dataDir, "alerts-db").toAbsolutePath(), port);
    }
  }
}
