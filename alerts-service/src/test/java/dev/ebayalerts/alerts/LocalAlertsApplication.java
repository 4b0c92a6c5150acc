package dev.ebayalerts.alerts;

import dev.ebayalerts.pubsub.security.SessionTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
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

    private static final Path DATA =
        Path.of(System.getenv().getOrDefault("LOCAL_DATA_DIR", "../.local-data")).toAbsolutePath();

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
      setIfAbsent("spring.datasource.hikari.minimum-idle", "1");
      setIfAbsent("SMTP_PORT", "1025");
      if (absent("ALERTS_LINK_SECRET")) {
        System.setProperty("ALERTS_LINK_SECRET", linkSecret(DATA.resolve("link-secret")));
      }
      // Sessions survive a restart; the operator key is in the data folder for curl.
      if (absent("ALERTS_SESSION_SECRET")) {
        System.setProperty("ALERTS_SESSION_SECRET", linkSecret(DATA.resolve("session-secret")));
      }
      if (absent("ALERTS_SESSION_SIGNING_KEY")) {
        System.setProperty(
            "ALERTS_SESSION_SIGNING_KEY", SessionTokens.Keys.inFolder(DATA).privateKey());
      }
      if (absent("ALERTS_OPERATOR_API_KEY")) {
        System.setProperty("ALERTS_OPERATOR_API_KEY", linkSecret(DATA.resolve("operator-api-key")));
      }
    }

    private static String linkSecret(Path file) {
      try {
        if (Files.exists(file)) {
          return Files.readString(file).strip();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Files.writeString(file, secret);
        return secret;
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read or create " + file, e);
      }
    }

    private static void setIfAbsent(String name, String value) {
      if (absent(name)) {
        System.setProperty(name, value);
      }
    }

    private static boolean absent(String name) {
      return System.getenv(name) == null && System.getProperty(name) == null;
    }
  }
}
