package dev.ebayalerts.analytics;

import dev.ebayalerts.pubsub.security.SessionTokens;
import dev.ebayalerts.testing.LocalRun;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;

/**
 * Runs analytics-service on this machine with nothing installed, against its embedded PostgreSQL
 * and the Redis of the local run's infrastructure (alerts-service's {@code
 * LocalInfrastructureApplication}, started first and stopped last; it writes where they listen into
 * {@code infrastructure.properties} in the data folder). Started by {@code ./run-local}.
 */
public class LocalAnalyticsApplication {

  public static void main(String[] args) {
    LocalSettings.defaultSettings();
    SpringApplication.run(AnalyticsApplication.class, args);
  }

  static final class LocalSettings {

    private static final Path DATA = LocalRun.dataFolder();

    /**
     * Insight emails go to the local mail catcher (SMTP on 1025), and their unsubscribe links are
     * signed with the secret the local alerts-service uses ({@code link-secret} in the data folder,
     * made by whichever service starts first), so they work on its unsubscribe page. Likewise the
     * dashboard's sessions are checked with the public half of alerts-service's session key pair
     * and the operator key is its {@code operator-api-key}. Environment variables of the same names
     * win.
     */
    static void defaultSettings() {
      System.setProperty(
          "spring.config.import", "file:" + DATA.resolve("infrastructure.properties"));
      // as in application.yml: the driver turns batched inserts into multi-row inserts
      System.setProperty(
          "spring.datasource.url", "${local.analytics-db.url}&reWriteBatchedInserts=true");
      System.setProperty("spring.datasource.username", "${local.db.username}");
      System.setProperty("spring.datasource.password", "${local.db.password}");
      System.setProperty("spring.data.redis.host", "${local.redis.host}");
      System.setProperty("spring.data.redis.port", "${local.redis.port}");
      // Connections are opened when needed, not ten idle backends from the start.
      LocalRun.setIfAbsent("spring.datasource.hikari.minimum-idle", "1");
      LocalRun.setIfAbsent("SMTP_PORT", "1025");
      LocalRun.secretIfAbsent("ALERTS_LINK_SECRET", DATA.resolve("link-secret"));
      // Sessions of the local alerts-service (and its operator key) are accepted here too.
      if (LocalRun.absent("ALERTS_SESSION_VERIFY_KEY")) {
        System.setProperty(
            "ALERTS_SESSION_VERIFY_KEY", SessionTokens.Keys.inFolder(DATA).publicKey());
      }
      LocalRun.secretIfAbsent("ALERTS_OPERATOR_API_KEY", DATA.resolve("operator-api-key"));
    }
  }
}
