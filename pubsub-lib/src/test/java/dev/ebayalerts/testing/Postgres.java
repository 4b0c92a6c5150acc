package dev.ebayalerts.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests and the local run: a Testcontainers container when a Docker engine is
 * reachable, otherwise the embedded PostgreSQL binaries (no Docker, nothing installed).
 */
public final class Postgres {

  private static JdbcConnectionDetails shared;

  private Postgres() {}

  /** One throw-away server per test JVM, shared by every cached Spring context. */
  public static synchronized JdbcConnectionDetails forTests() {
    if (shared == null) {
      shared = dockerAvailable() ? container() : embedded(null, 0);
    }
    return shared;
  }

  /**
   * An embedded server keeping its data in {@code dataDirectory} between runs.
   *
   * @param port a fixed port, so other local processes find it
   */
  public static JdbcConnectionDetails persistent(Path dataDirectory, int port) {
    return embedded(dataDirectory, port);
  }

  /**
   * The same server with connection parameters added to its JDBC URL, e.g. {@code
   * reWriteBatchedInserts=true} where the application sets it too.
   */
  public static JdbcConnectionDetails withParameters(
      JdbcConnectionDetails server, String parameters) {
    String url = server.getJdbcUrl();
    return details(
        url + (url.contains("?") ? "&" : "?") + parameters,
        server.getUsername(),
        server.getPassword());
  }

  private static boolean dockerAvailable() {
    // Asking Testcontainers without any engine configured only logs a page of errors.
    if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
  private static JdbcConnectionDetails container() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
    container.start();
    return details(container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  private static JdbcConnectionDetails embedded(Path dataDirectory, int port) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres postgres = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
      return details(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
    }
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting; the server's own shutdown follows the process anyway
    }
  }

  private static JdbcConnectionDetails details(String url, String username, String password) {
    return new JdbcConnectionDetails() {
      @Override
      public String getUsername() {
        return username;
      }

      @Override
      public String getPassword() {
        return password;
      }

      @Override
      public String getJdbcUrl() {
        return url;
      }
    };
  }
}
