package dev.ebayalerts.alerts;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.ebayalerts.testing.LocalRun;
import dev.ebayalerts.testing.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import redis.embedded.core.ExecutableProvider;

/**
 * The local run's infrastructure, started before the services and stopped after them, so neither
 * service ever runs without its database and no shutdown races a database's: the embedded
 * PostgreSQL of alerts-service ({@code ALERTS_DB_PORT}, 15432) and of analytics-service ({@code
 * ANALYTICS_DB_PORT}, 15433), data kept in {@code LOCAL_DATA_DIR}. Redis is its own process, run by
 * {@code ./run-local} from the redis-server binary this extracts, so it can be stopped and
 * restarted alone.
 *
 * <p>When everything is up it writes {@code infrastructure.properties} into the data folder (the
 * service launchers import it as Spring properties) and removes it on SIGTERM, before the databases
 * stop.
 */
public final class LocalInfrastructureApplication {

  /** What the service launchers read; the script waits for it. */
  static final String PROPERTIES = "infrastructure.properties";

  private LocalInfrastructureApplication() {}

  public static void main(String[] args) throws Exception {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    Path data = dataDirectory();
    Path properties = data.resolve(PROPERTIES);
    Files.deleteIfExists(properties);
    // The secrets the services share (link and session secrets, the session key pair, the operator
    // key) are made here, once, before any service starts: services starting side by side on an
    // empty data folder would each make their own.
    LocalAlertsApplication.LocalSettings.defaultSettings();

    // Postgres.persistent stops each server in a shutdown hook (SIGTERM), as the services are gone.
    JdbcConnectionDetails alerts =
        Postgres.persistent(data.resolve("alerts-db"), port("ALERTS_DB_PORT", 15432));
    JdbcConnectionDetails analytics =
        Postgres.persistent(data.resolve("analytics-db"), port("ANALYTICS_DB_PORT", 15433));
    Path redis = redisExecutable(data.resolve("bin"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  deleteQuietly(properties);
                  stopped.countDown();
                }));

    String text =
        String.join(
            "\n",
            "# Written by LocalInfrastructureApplication; removed when it stops.",
            "local.alerts-db.url=" + alerts.getJdbcUrl(),
            "local.analytics-db.url=" + analytics.getJdbcUrl(),
            "local.db.username=" + alerts.getUsername(),
            "local.db.password=" + alerts.getPassword(),
            "local.redis.host=127.0.0.1",
            "local.redis.port=" + port("REDIS_PORT", 16379),
            "local.redis.executable=" + redis,
            "local.redis.directory=" + data.resolve("redis"),
            "");
    Path partial = data.resolve(PROPERTIES + ".partial");
    Files.writeString(partial, text);
    Files.move(partial, properties, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("Infrastructure ready: " + properties);
    stopped.await();
  }

  static Path dataDirectory() throws IOException {
    return Files.createDirectories(LocalRun.dataFolder());
  }

  /**
   * The redis-server binary embedded-redis ships for this machine, copied out of its jar once (its
   * own copy is a temporary file).
   */
  private static Path redisExecutable(Path bin) throws IOException {
    Path target = bin.resolve("redis-server");
    if (!Files.isExecutable(target)) {
      Files.createDirectories(bin);
      Path partial = bin.resolve("redis-server.partial");
      Files.copy(
          ExecutableProvider.newJarResourceProvider().get().toPath(),
          partial,
          StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.createDirectories(bin.resolveSibling("redis"));
    return target;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int port(String variable, int fallback) {
    return Integer.parseInt(System.getenv().getOrDefault(variable, String.valueOf(fallback)));
  }
}
