package dev.ebayalerts.alerts;

import dev.ebayalerts.pubsub.security.SessionTokens;
import dev.ebayalerts.testing.LocalRun;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;

/**
 * Runs alerts-service on this machine with nothing installed, against the embedded PostgreSQL and
 * the Redis of the local run's infrastructure ({@link LocalInfrastructureApplication}, started
 * first and stopped last), which keep their data in {@code .local-data/} so a restart loses
 * nothing. Started by {@code ./run-local}.
 */
public class LocalAlertsApplication {

  public static void main(String[] args) {
    LocalSettings.defaultSettings();
    SpringApplication.run(AlertsApplication.class, args);
  }

  static final class LocalSettings {

    private static final Path DATA = LocalRun.dataFolder();

    /**
     * Alert emails go to a local mail catcher (e.g. {@code npx maildev}: SMTP on 1025, inbox on
     * http://localhost:1080), and unsubscribe links are signed with a secret generated once into
     * the data folder, so links in emails already sent keep working after a restart; the session
     * secret and the operator API key are generated there too. Environment variables of the same
     * names win.
     */
    static void defaultSettings() {
      // The databases and Redis of the infrastructure launcher, as it wrote them down.
      System.setProperty(
          "spring.config.import",
          "file:" + DATA.resolve(LocalInfrastructureApplication.PROPERTIES));
      System.setProperty("spring.datasource.url", "${local.alerts-db.url}");
      System.setProperty("spring.datasource.username", "${local.db.username}");
      System.setProperty("spring.datasource.password", "${local.db.password}");
      System.setProperty("spring.data.redis.host", "${local.redis.host}");
      System.setProperty("spring.data.redis.port", "${local.redis.port}");
      // Connections are opened when needed: ten idle ones per service are ten idle PostgreSQL
      // backends, a few hundred MB on a small machine.
      LocalRun.setIfAbsent("spring.datasource.hikari.minimum-idle", "1");
      LocalRun.setIfAbsent("SMTP_PORT", "1025");
      LocalRun.secretIfAbsent("ALERTS_LINK_SECRET", DATA.resolve("link-secret"));
      // Sessions survive a restart; the operator key is in the data folder for curl.
      LocalRun.secretIfAbsent("ALERTS_SESSION_SECRET", DATA.resolve("session-secret"));
      if (LocalRun.absent("ALERTS_SESSION_SIGNING_KEY")) {
        System.setProperty(
            "ALERTS_SESSION_SIGNING_KEY", SessionTokens.Keys.inFolder(DATA).privateKey());
      }
      LocalRun.secretIfAbsent("ALERTS_OPERATOR_API_KEY", DATA.resolve("operator-api-key"));
    }
  }
}
