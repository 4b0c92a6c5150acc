package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.client.RestClient;

class RedisOutageTests {

  private LettuceConnectionFactory nowhere;
  private EbayBrowseClient client;

  @BeforeEach
  void clientWithoutRedis() throws IOException {
    int unusedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      unusedPort = socket.getLocalPort();
    }
    nowhere =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", unusedPort));
    nowhere.afterPropertiesSet();
    nowhere.start();
    client =
        new DefaultEbayBrowseClient(
            new EbayClientProperties(
                true,
                EbayClientProperties.Environment.MOCK,
                URI.create("http://127.0.0.1:9"),
                "id",
                "secret",
                "EBAY_US",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                new EbayClientProperties.Retry(
                    1, Duration.ofMillis(1), 2, Duration.ofMillis(1), Duration.ofSeconds(1)),
                10,
                Duration.ofSeconds(60),
                "test"),
            RestClient.builder(),
            new StringRedisTemplate(nowhere),
            new SimpleMeterRegistry(),
            Clock.systemUTC(),
            new RecordingSleeper());
  }

  @AfterEach
  void close() {
    nowhere.destroy();
  }

  @Test
  void reportsAMissingRedisAsEbayUnavailableSoSchedulersDefer() {
    assertThatThrownBy(() -> client.search(SearchRequest.builder("drone").build()))
        .isInstanceOf(EbayUnavailable.class)
        .hasMessageContaining("Redis");
    assertThatThrownBy(client::budget).isInstanceOf(EbayUnavailable.class);
  }
}
