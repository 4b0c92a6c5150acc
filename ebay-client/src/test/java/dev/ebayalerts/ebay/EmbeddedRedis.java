package dev.ebayalerts.ebay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;

/** A real redis-server for the tests of this JVM, started once on a free port. */
final class EmbeddedRedis {

  private static RedisServer server;
  private static int port;
  private static StringRedisTemplate template;

  private EmbeddedRedis() {}

  static synchronized int port() {
    if (server == null) {
      try {
        port = freePort();
        server =
            RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .onShutdownForceStop(true)
                .build();
        server.start();
      } catch (IOException failed) {
        throw new UncheckedIOException("could not start redis-server", failed);
      }
    }
    return port;
  }

  /** A template on the shared server; tests flush it rather than making new ones. */
  static synchronized StringRedisTemplate template() {
    if (template == null) {
      LettuceConnectionFactory connections =
          new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port()));
      connections.afterPropertiesSet();
      connections.start();
      template = new StringRedisTemplate(connections);
    }
    return template;
  }

  static void flush() {
    template()
        .execute(
            (RedisCallback<Void>)
                connection -> {
                  connection.serverCommands().flushAll();
                  return null;
                });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
