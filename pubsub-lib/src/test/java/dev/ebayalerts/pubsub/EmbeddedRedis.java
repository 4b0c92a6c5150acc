package dev.ebayalerts.pubsub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real redis-server (6.2) on a free port. {@link #shared()} is started once per JVM for all
 * tests, which isolate themselves by using their own stream names; tests that stop Redis or need
 * other settings get their own instance from {@link #startNew}.
 */
final class EmbeddedRedis {

  private static EmbeddedRedis shared;

  private final int port;
  private final RedisServer server;

  private EmbeddedRedis(int port, String... settings) throws IOException {
    this.port = port;
    // No persistence: a restart must come back empty, like a cache node that lost its memory.
    RedisServerBuilder builder =
        RedisServer.newRedisServer().port(port).setting("save \"\"").setting("appendonly no");
    for (String setting : settings) {
      builder.setting(setting);
    }
    this.server = builder.build();
  }

  static synchronized EmbeddedRedis shared() {
    if (shared == null) {
      shared = startNew();
    }
    return shared;
  }

  /**
   * A server of its own.
   *
   * @param settings redis.conf lines, e.g. {@code "maxmemory 8mb"}
   */
  static EmbeddedRedis startNew(String... settings) {
    try {
      EmbeddedRedis redis = new EmbeddedRedis(freePort(), settings);
      redis.start();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started connection factory; the caller destroys it. */
  LettuceConnectionFactory connectionFactory(Duration commandTimeout) {
    LettuceConnectionFactory factory =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration("127.0.0.1", port),
            LettuceClientConfiguration.builder().commandTimeout(commandTimeout).build());
    factory.afterPropertiesSet();
    factory.start();
    return factory;
  }

  LettuceConnectionFactory connectionFactory() {
    return connectionFactory(Duration.ofSeconds(5));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
