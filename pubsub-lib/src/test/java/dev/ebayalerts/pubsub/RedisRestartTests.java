package dev.ebayalerts.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.testing.Redis;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(OutputCaptureExtension.class)
class RedisRestartTests {

  private final EventCodec codec = new EventCodec();
  private final PubSubProperties settings =
      new Binder(
              new MapConfigurationPropertySource(
                  Map.of(
                      "pubsub.stream", "events-" + UUID.randomUUID(),
                      "pubsub.consumer-name", "survivor",
                      "pubsub.claim-idle", "200ms",
                      "pubsub.claim-interval", "50ms",
                      "pubsub.poll-timeout", "100ms")))
          .bindOrCreate("pubsub", PubSubProperties.class);

  private Redis redis;
  private LettuceConnectionFactory connectionFactory;
  private StreamsSubscriber subscriber;

  @AfterEach
  void tearDown() {
    if (subscriber != null) {
      subscriber.stop();
    }
    if (connectionFactory != null) {
      connectionFactory.destroy();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  @Test
  void consumerKeepsGoingAcrossARedisRestart(CapturedOutput output) {
    // Its own Redis, so stopping it cannot disturb other tests.
    redis = Redis.startNew();
    connectionFactory = redis.connectionFactory(Duration.ofSeconds(1));
    StringRedisTemplate template = new StringRedisTemplate(connectionFactory);
    Publisher publisher = new StreamsPublisher(template, codec, settings, PubSubMetrics.none());
    List<Event> received = new CopyOnWriteArrayList<>();
    subscriber = new StreamsSubscriber(template, codec, settings, PubSubMetrics.none());
    subscriber.subscribe(Event.class, received::add);
    subscriber.start();
    Event before = TestEvents.alertCreated();
    publisher.publish(before);
    await().untilAsserted(() -> assertThat(received).containsExactly(before));

    redis.stop();
    assertThatThrownBy(() -> publisher.publish(TestEvents.alertUpdated()))
        .isInstanceOf(PublishFailed.class);
    await().until(() -> output.getOut().contains("Consumer survivor cannot read stream"));
    // Redis comes back empty: no persistence, so the stream and the group are gone.
    redis.start();

    Event after = TestEvents.listingsObserved();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              publisher.publish(after);
              return true;
            });
    await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(after));
    assertThat(subscriber.isRunning()).isTrue();
    assertThat(output.getOut()).contains("Consumer survivor reading stream");
  }

  @Test
  void publishFailsWithATypedExceptionWhenRedisIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    connectionFactory =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort));
    connectionFactory.afterPropertiesSet();
    connectionFactory.start();
    Event event = TestEvents.alertCreated();
    Publisher publisher =
        new StreamsPublisher(
            new StringRedisTemplate(connectionFactory), codec, settings, PubSubMetrics.none());

    assertThatThrownBy(() -> publisher.publish(event))
        .isInstanceOfSatisfying(
            PublishFailed.class, failure -> assertThat(failure.event()).isSameAs(event))
        .hasMessageContaining(event.eventId().toString());
  }
}
