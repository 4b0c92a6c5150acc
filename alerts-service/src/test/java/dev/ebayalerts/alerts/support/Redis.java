package dev.ebayalerts.alerts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import redis.embedded.RedisServer;

/** A real redis-server for tests, on a free port, started once per test JVM. */
public final class Redis {

  private static Redis shared;

  private final int port;
  private final RedisServer server;

  private Redis(int port) {
    this.port = port;
    try {
      this.server = RedisServer.newRedisServer().port(port).setting("save \"\"").build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized Redis forTests() {
    if (shared == null) {
      shared = new Redis(freePort());
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
