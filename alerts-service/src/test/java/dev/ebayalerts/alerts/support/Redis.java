package dev.ebayalerts.alerts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/** A real redis-server for tests, on a free port, started once per test JVM. */
public final class Redis {

  private static Redis shared;

  private final int port;
  private final RedisServer server;

  private Redis(int port, Path dataDirectory) {
    this.port = port;
    try {
      RedisServerBuilder builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1");
      if (dataDirectory == null) {
        builder.setting("save \"\"");
      } else {
        Files.createDirectories(dataDirectory);
        builder.setting("dir " + dataDirectory).setting("appendonly yes");
      }
      this.server = builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server keeping its data (append-only file) in {@code dataDirectory} between runs. */
  public static Redis persistent(Path dataDirectory, int port) {
    Redis redis = new Redis(port, dataDirectory);
    redis.start();
    Runtime.getRuntime().addShutdownHook(new Thread(redis::stop));
    return redis;
  }

  /**
   * Keeps an append-only file in a temporary folder, as production Redis does (docker-compose), so
   * a test can restart it and find the stream as it was.
   */
  public static synchronized Redis forTests() {
    if (shared == null) {
      try {
        shared = new Redis(freePort(), Files.createTempDirectory("alerts-test-redis"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      shared.start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  public void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start redis-server on port " + port, e);
    }
  }

  public void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DataRedisConnectionDetails connectionDetails() {
    return new DataRedisConnectionDetails() {
      @Override
      public Standalone getStandalone() {
        return Standalone.of("127.0.0.1", port);
      }
    };
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
