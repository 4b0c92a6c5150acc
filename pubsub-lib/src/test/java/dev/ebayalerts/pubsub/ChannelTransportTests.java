package dev.ebayalerts.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.testing.Redis;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

class ChannelTransportTests {

  private static LettuceConnectionFactory connectionFactory;
  private static StringRedisTemplate redis;

  private final String channel = "events-" + UUID.randomUUID();
  private final EventCodec codec = new EventCodec();
  private final Publisher publisher =
      new ChannelPublisher(redis, codec, channel, PubSubMetrics.none());
  private final List<Event> received = new CopyOnWriteArrayList<>();
  private ChannelSubscriber subscriber;

  @BeforeAll
  static void connect() {
    connectionFactory = Redis.forTests().connectionFactory();
    redis = new StringRedisTemplate(connectionFactory);
  }

  @AfterAll
  static void disconnect() {
    connectionFactory.destroy();
  }

  @AfterEach
  void closeSubscriber() throws Exception {
    if (subscriber != null) {
      subscriber.stop();
      subscriber.destroy();
    }
  }

  @Test
  void deliversEveryEventTypeToAConnectedSubscriber() {
    subscribe(Event.class, received::add);

    List<Event> published = TestEvents.oneOfEach();
    published.forEach(publisher::publish);

    await().untilAsserted(() -> assertThat(received).containsExactlyElementsOf(published));
  }

  @Test
  void losesEventsPublishedWhileNobodyIsSubscribed() {
    Event whileAway = TestEvents.alertCreated();
    publisher.publish(whileAway);

    subscribe(Event.class, received::add);
    Event afterwards = TestEvents.alertUpdated();
    publisher.publish(afterwards);

    // Redis delivers in publish order, so had the first event been kept it would be here first.
    await().untilAsserted(() -> assertThat(received).containsExactly(afterwards));
  }

  @Test
  void losesAnEventWhoseHandlerFailsInsteadOfRetryingIt() {
    Event failing = TestEvents.alertCreated();
    Event next = TestEvents.alertCreated();
    subscribe(
        AlertCreated.class,
        event -> {
          received.add(event);
          if (event.equals(failing)) {
            throw new IllegalStateException("handler broke");
          }
        });

    publisher.publish(failing);
    publisher.publish(next);

    await().untilAsserted(() -> assertThat(received).containsExactly(failing, next));
  }

  @Test
  void dropsUnreadableMessagesAndCarriesOn() {
    subscribe(Event.class, received::add);
    Event healthy = TestEvents.listingsObserved();

    redis.convertAndSend(channel, "{not json");
    publisher.publish(healthy);

    await().untilAsserted(() -> assertThat(received).containsExactly(healthy));
  }

  private <E extends Event> void subscribe(Class<E> type, EventHandler<? super E> handler) {
    subscriber = new ChannelSubscriber(connectionFactory, codec, channel, PubSubMetrics.none());
    subscriber.subscribe(type, handler);
    subscriber.start();
    await().until(this::subscriberCount, count -> count == 1);
  }

  private long subscriberCount() {
    return redis.execute(
        (RedisCallback<Long>)
            connection -> {
              @SuppressWarnings("unchecked")
              RedisClusterAsyncCommands<byte[], byte[]> commands =
                  (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
              try {
                return commands
                    .pubsubNumsub(channel.getBytes(StandardCharsets.UTF_8))
                    .get(5, TimeUnit.SECONDS)
                    .values()
                    .iterator()
                    .next();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
  }
}
