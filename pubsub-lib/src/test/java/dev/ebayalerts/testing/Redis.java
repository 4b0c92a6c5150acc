package dev.ebayalerts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real redis-server (6.2) on a free port, for the tests of every module and the local run. {@link
 * #forTests()} is started once per test JVM and shared: tests isolate themselves by their own keys
 * and stream names (or {@link #flush()} it). Tests that stop Redis or need other settings get a
 * server of their own from {@link #startNew}.
 */
public final class Redis {

  private static Redis shared;

  private final int port;
  private final RedisServer server;
  private StringRedisTemplate template;

  private Redis(int port, Path dataDirectory, String... settings) {
    this.port = port;
    try {
      RedisServerBuilder builder =
          RedisServer.newRedisServer().port(port).bind("127.0.0.1").onShutdownForceStop(true);
      if (dataDirectory == null) {
        // No persistence: a restart comes back empty, like a cache node that lost its memory.
        builder.setting("save \"\"").setting("appendonly no");
      } else {
        Files.createDirectories(dataDirectory);
        builder.setting("dir " + dataDirectory).setting("appendonly yes");
      }
      for (String setting : settings) {
        builder.setting(setting);
      }
      this.server = builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The server shared by the tests of this JVM. It keeps an append-only file in a temporary folder,
   * as production Redis does (docker-compose), so a test can restart it and find a stream as it
   * was.
   */
  public static synchronized Redis forTests() {
    if (shared == null) {
      try {
        shared = new Redis(freePort(), Files.createTempDirectory("ebay-alerts-test-redis"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      shared.start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  /**
   * A started server of its own, without persistence; the caller stops it.
   *
   * @param settings redis.conf lines, e.g. {@code "maxmemory 8mb"}
   */
  public static Redis startNew(String... settings) {
    Redis redis = new Redis(freePort(), null, settings);
    redis.start();
    return redis;
  }

  /** A server keeping its data (append-only file) in {@code dataDirectory} between runs. */
  public static Redis persistent(Path dataDirectory, int port) {
    Redis redis = new Redis(port, dataDirectory);
    redis.start();
    Runtime.getRuntime().addShutdownHook(new Thread(redis::stop));
    return redis;
  }

  public int port() {
    return port;
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

  /** Where a Spring Boot application finds this server. */
  public DataRedisConnectionDetails connectionDetails() {
    return new DataRedisConnectionDetails() {
      @Override
      public Standalone getStandalone() {
        return Standalone.of("127.0.0.1", port);
      }
    };
  }

  /** A started connection factory; the caller destroys it. */
  public LettuceConnectionFactory connectionFactory(Duration commandTimeout) {
    LettuceConnectionFactory factory =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration("127.0.0.1", port),
            LettuceClientConfiguration.builder().commandTimeout(commandTimeout).build());
    factory.afterPropertiesSet();
    factory.start();
    return factory;
  }

  public LettuceConnectionFactory connectionFactory() {
    return connectionFactory(Duration.ofSeconds(5));
  }

  /** One template on this server, kept for its lifetime. */
  public synchronized StringRedisTemplate template() {
    if (template == null) {
      template = new StringRedisTemplate(connectionFactory());
    }
    return template;
  }

  /** Empties the server, for tests that share it and count what they find. */
  public void flush() {
    template()
        .execute(
            (RedisCallback<Void>)
                connection -> {
                  connection.serverCommands().flushAll();
                  return null;
                });
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
