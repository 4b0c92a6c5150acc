package dev.ebayalerts.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.testing.Redis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(OutputCaptureExtension.class)
class StreamTrimmingTests {

  private static final String GROUP = "analytics";

  private static LettuceConnectionFactory connectionFactory;
  private static StringRedisTemplate redis;

  private final String stream = "events-" + UUID.randomUUID();
  private final String deadLetters = stream + ".dlq";
  private final EventCodec codec = new EventCodec();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final PubSubMetrics metrics = new PubSubMetrics(meters);
  private final List<StreamsSubscriber> subscribers = new ArrayList<>();
  private final List<StreamTrimmer> trimmers = new ArrayList<>();

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
  void stop() {
    subscribers.forEach(StreamsSubscriber::stop);
    trimmers.forEach(StreamTrimmer::stop);
  }

  @Test
  void neverTrimsWhatAGroupHasNotAcknowledged() {
    List<Event> published = publish(300);
    List<RecordId> ids = ids();
    createGroup(GROUP);
    // A consumer received 200 events, acknowledged 150 and crashed.
    List<RecordId> received = read(GROUP, "crashed", 200);
    acknowledge(GROUP, received.subList(0, 150));

    StreamTrimmer.Pass pass = trimmer().pass();

    assertThat(pass.safePoint()).isEqualTo(ids.get(150));
    assertThat(pass.removed()).isPositive();
    assertThat(pass.length()).isEqualTo(300 - pass.removed());
    assertThat(streams().range(stream, Range.closed(id(ids, 150), id(ids, 299)))).hasSize(150);

    List<Event> handled = new CopyOnWriteArrayList<>();
    start("alive", handled::add);
    await().until(() -> handled.size() >= 150 && pendingCount(GROUP) == 0);
    assertThat(handled).containsExactlyInAnyOrderElementsOf(published.subList(150, 300));

    // Once everything is acknowledged only the node holding the last entry may stay.
    assertThat(trimmer().pass().length()).isLessThanOrEqualTo(100);
  }

  @Test
  void theSlowestGroupBoundsTrimming() {
    publish(300);
    List<RecordId> ids = ids();
    createGroup("fast");
    createGroup("slow");
    acknowledge("fast", read("fast", "f1", 300));
    acknowledge("slow", read("slow", "s1", 100));

    StreamTrimmer.Pass pass = trimmer().pass();

    assertThat(pass.safePoint()).isEqualTo(ids.get(99));
    assertThat(pass.removed()).isPositive();
    assertThat(streams().range(stream, Range.closed(id(ids, 100), id(ids, 299)))).hasSize(200);

    acknowledge("slow", read("slow", "s1", 200));
    assertThat(trimmer().pass().length()).isLessThanOrEqualTo(100);
  }

  @Test
  void trimsNothingWithoutGroupsOrBeforeTheFirstGroupReads() {
    publish(300);

    StreamTrimmer.Pass withoutGroups = trimmer().pass();

    assertThat(withoutGroups.safePoint()).isNull();
    assertThat(withoutGroups.removed()).isZero();
    assertThat(streams().size(stream)).isEqualTo(300);

    createGroup(GROUP);
    assertThat(trimmer().pass().removed()).isZero();
    assertThat(streams().size(stream)).isEqualTo(300);
  }

  @Test
  void trimsInTheBackground() {
    publish(300);
    createGroup(GROUP);
    acknowledge(GROUP, read(GROUP, "c1", 300));
    StreamTrimmer trimmer = trimmer("pubsub.trim-interval", "50ms");

    trimmer.start();

    await().until(() -> streams().size(stream) <= 100);
    assertThat(trimmer.isRunning()).isTrue();
    trimmer.stop();
    assertThat(trimmer.isRunning()).isFalse();
  }

  @Test
  void warnsOnceAsTheStreamNearsItsHardCap(CapturedOutput output) {
    publish(90, "pubsub.max-length", "100");
    StreamTrimmer trimmer = trimmer("pubsub.max-length", "100");

    trimmer.pass();
    trimmer.pass();

    String warning = "Stream " + stream + " holds 90 entries, 90% of pubsub.max-length (100)";
    assertThat(output.getOut()).containsOnlyOnce(warning).contains("Groups (pending, not yet");
    assertThat(meters.get("pubsub.stream.fill").tag("stream", stream).gauge().value())
        .isEqualTo(0.9);
  }

  @Test
  void metricsCountWhatWasPublishedConsumedAndDeadLettered() {
    Publisher publisher = new StreamsPublisher(redis, codec, settings(), metrics);
    publisher.publish(TestEvents.alertCreated());
    publisher.publish(TestEvents.alertCreated());
    publisher.publish(TestEvents.listingsObserved());
    streams().add(StreamRecords.string(Map.of("event", "{not json")).withStreamKey(stream));
    List<Event> handled = new CopyOnWriteArrayList<>();

    start("c1", handled::add);
    await().until(() -> handled.size() == 3 && pendingCount(GROUP) == 0);
    trimmer().pass();

    assertThat(count("pubsub.published", "type", "AlertCreated")).isEqualTo(2);
    assertThat(count("pubsub.published", "type", "ListingsObserved")).isEqualTo(1);
    assertThat(count("pubsub.consumed", "type", "AlertCreated")).isEqualTo(2);
    assertThat(count("pubsub.consumed", "type", "ListingsObserved")).isEqualTo(1);
    assertThat(count("pubsub.deadlettered", "reason", "UNREADABLE")).isEqualTo(1);
    assertThat(gauge("pubsub.stream.length", "stream", stream))
        .isEqualTo(streams().size(stream).doubleValue())
        .isPositive();
    assertThat(gauge("pubsub.deadletter.length", "stream", deadLetters)).isEqualTo(1);
    assertThat(gauge("pubsub.stream.pending", "group", GROUP)).isZero();
    assertThat(gauge("pubsub.stream.lag", "group", GROUP)).isZero();
  }

  @Test
  void metricsCountFailedPublishing() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    LettuceConnectionFactory unreachable =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort));
    unreachable.afterPropertiesSet();
    unreachable.start();
    try {
      Publisher publisher =
          new StreamsPublisher(new StringRedisTemplate(unreachable), codec, settings(), metrics);

      assertThatThrownBy(() -> publisher.publish(TestEvents.alertDeleted()))
          .isInstanceOf(PublishFailed.class);

      assertThat(
              meters
                  .get("pubsub.publish.failed")
                  .tags("type", "AlertDeleted", "reason", "error")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertThat(meters.find("pubsub.published").counter()).isNull();
    } finally {
      unreachable.destroy();
    }
  }

  @Test
  void reportsPendingAndLagPerGroup() {
    publish(300);
    createGroup("ahead");
    createGroup("behind");
    createGroup("middle");
    // "ahead" still holds the first entry, so nothing can be trimmed and the lag of every group
    // must be counted from one end of the full stream or the other.
    List<RecordId> ahead = read("ahead", "a1", 280);
    acknowledge("ahead", ahead.subList(1, 280));
    acknowledge("behind", read("behind", "b1", 20));
    acknowledge("middle", read("middle", "m1", 150));
    StreamTrimmer trimmer =
        new StreamTrimmer(redis, settings(), metrics, /* countPage= */ 50, /* countLimit= */ 100);

    StreamTrimmer.Pass pass = trimmer.pass();

    assertThat(pass.removed()).isZero();
    assertThat(gauge("pubsub.stream.pending", "group", "ahead")).isEqualTo(1);
    assertThat(gauge("pubsub.stream.lag", "group", "ahead")).isEqualTo(20);
    assertThat(gauge("pubsub.stream.pending", "group", "behind")).isZero();
    assertThat(gauge("pubsub.stream.lag", "group", "behind")).isEqualTo(280);
    // 150 entries on either side of its position: more than this trimmer will count.
    assertThat(gauge("pubsub.stream.lag", "group", "middle")).isNaN();
    assertThat(gauge("pubsub.stream.length", "stream", stream)).isEqualTo(300);

    streams().destroyGroup(stream, "middle");
    trimmer.pass();
    assertThat(gauge("pubsub.stream.pending", "group", "middle")).isNaN();
  }

  private List<Event> publish(int count, String... overrides) {
    Publisher publisher = new StreamsPublisher(redis, codec, settings(overrides), metrics);
    List<Event> published = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Event event = TestEvents.alertCreated();
      publisher.publish(event);
      published.add(event);
    }
    return published;
  }

  private List<RecordId> ids() {
    return streams().range(stream, Range.unbounded()).stream().map(MapRecord::getId).toList();
  }

  private static String id(List<RecordId> ids, int index) {
    return ids.get(index).getValue();
  }

  private void createGroup(String group) {
    streams().createGroup(stream, ReadOffset.from("0"), group);
  }

  private List<RecordId> read(String group, String consumer, int count) {
    return streams()
        .read(
            Consumer.from(group, consumer),
            StreamReadOptions.empty().count(count),
            StreamOffset.create(stream, ReadOffset.lastConsumed()))
        .stream()
        .map(MapRecord::getId)
        .toList();
  }

  private void acknowledge(String group, List<RecordId> ids) {
    streams().acknowledge(stream, group, ids.toArray(RecordId[]::new));
  }

  private long pendingCount(String group) {
    return streams().pending(stream, group).getTotalPendingMessages();
  }

  private void start(String consumerName, EventHandler<Event> handler) {
    StreamsSubscriber subscriber =
        new StreamsSubscriber(
            redis, codec, settings("pubsub.consumer-name", consumerName), metrics);
    subscriber.subscribe(Event.class, handler);
    subscriber.start();
    subscribers.add(subscriber);
  }

  private StreamTrimmer trimmer(String... overrides) {
    StreamTrimmer trimmer = new StreamTrimmer(redis, settings(overrides), metrics);
    trimmers.add(trimmer);
    return trimmer;
  }

  private double count(String name, String tag, String value) {
    return meters.get(name).tag(tag, value).counter().count();
  }

  private double gauge(String name, String tag, String value) {
    return meters.get(name).tag(tag, value).gauge().value();
  }

  /** Fast retry settings for tests; pairs of name and value override them. */
  private PubSubProperties settings(String... overrides) {
    Map<String, String> properties = new HashMap<>();
    properties.put("pubsub.stream", stream);
    properties.put("pubsub.dead-letter-stream", deadLetters);
    properties.put("pubsub.group", GROUP);
    properties.put("pubsub.claim-idle", "200ms");
    properties.put("pubsub.claim-interval", "50ms");
    properties.put("pubsub.poll-timeout", "100ms");
    for (int i = 0; i < overrides.length; i += 2) {
      properties.put(overrides[i], overrides[i + 1]);
    }
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("pubsub", PubSubProperties.class);
  }

  private StreamOperations<String, Object, Object> streams() {
    return redis.opsForStream();
  }
}
