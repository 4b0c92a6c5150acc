package dev.ebayalerts.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.testing.Redis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The streams never fill Redis: on a Redis run as docker-compose runs it ({@code maxmemory-policy
 * noeviction}, here with an 8 MB {@code maxmemory} so a test can fill it), publishing stops at the
 * stream's limits instead of dropping entries, and the writes ebay-client makes for its token and
 * daily call budget still succeed.
 */
@ExtendWith(OutputCaptureExtension.class)
class FullStreamTests {

  private static final Logger log = LoggerFactory.getLogger(FullStreamTests.class);

  private static final long MAX_MEMORY = 8L * 1024 * 1024;
  private static final String GROUP = "analytics";

  private static Redis server;
  private static LettuceConnectionFactory connectionFactory;
  private static StringRedisTemplate redis;

  private final String stream = "events-" + UUID.randomUUID();
  private final EventCodec codec = new EventCodec();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final PubSubMetrics metrics = new PubSubMetrics(meters);
  private final List<StreamsSubscriber> subscribers = new ArrayList<>();

  @BeforeAll
  static void startSmallRedis() {
    server = Redis.startNew("maxmemory " + MAX_MEMORY, "maxmemory-policy noeviction");
    connectionFactory = server.connectionFactory();
    redis = new StringRedisTemplate(connectionFactory);
  }

  @AfterAll
  static void stopSmallRedis() {
    connectionFactory.destroy();
    server.stop();
  }

  @BeforeEach
  void emptyRedis() {
    redis.execute(
        (RedisCallback<Void>)
            connection -> {
              connection.serverCommands().flushAll();
              return null;
            });
  }

  @AfterEach
  void stopSubscribers() {
    subscribers.forEach(StreamsSubscriber::stop);
  }

  @Test
  void refusesToPublishAtMaxLengthInsteadOfDroppingEntries() {
    PubSubProperties settings = settings("pubsub.max-length", "150");
    Publisher publisher = publisher(settings);
    for (int i = 0; i < 150; i++) {
      publisher.publish(TestEvents.alertCreated());
    }
    List<RecordId> ids = ids();

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> publisher.publish(TestEvents.alertCreated()))
          .isInstanceOf(PublishFailed.class)
          .hasMessageContaining("holds 150 entries, pubsub.max-length is 150");
    }

    // Not one more entry, and not one dropped to make room (as MAXLEN would have done).
    assertThat(ids()).isEqualTo(ids);
    assertThat(count("pubsub.published", "type", "AlertCreated")).isEqualTo(150);
    assertThat(refused("max-length")).isEqualTo(10);

    // Once the consumers have caught up, trimming makes room and publishing goes on.
    createGroup();
    acknowledge(read(150));
    trimmer(settings).pass();
    publisher.publish(TestEvents.alertCreated());
    assertThat(streams().size(stream)).isLessThan(150);
  }

  @Test
  void aListThatWouldTakeTheStreamPastMaxLengthIsRefusedWhole() {
    Publisher publisher = publisher(settings("pubsub.max-length", "10"));
    for (int i = 0; i < 7; i++) {
      publisher.publish(TestEvents.alertCreated());
    }
    List<Event> four =
        List.of(
            TestEvents.alertCreated(),
            TestEvents.alertCreated(),
            TestEvents.alertCreated(),
            TestEvents.alertCreated());

    assertThatThrownBy(() -> publisher.publishAll(four))
        .isInstanceOf(PublishFailed.class)
        .hasMessageContaining("holds 7 entries, pubsub.max-length is 10");
    assertThat(streams().size(stream)).isEqualTo(7);
    assertThat(refused("max-length")).isEqualTo(4);

    publisher.publishAll(four.subList(0, 3));
    assertThat(streams().size(stream)).isEqualTo(10);
    assertThat(count("pubsub.published", "type", "AlertCreated")).isEqualTo(10);
  }

  @Test
  void aListLongerThanMaxLengthGoesOutInCallsThatFitTheStream() {
    PubSubProperties settings = settings("pubsub.max-length", "3");
    Publisher publisher = publisher(settings);
    List<Event> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(TestEvents.alertCreated());
    }

    // The first call fills the stream; the second is refused until consumers catch up.
    assertThatThrownBy(() -> publisher.publishAll(five))
        .isInstanceOf(PublishFailed.class)
        .hasMessageContaining("holds 3 entries, pubsub.max-length is 3");
    assertThat(streams().size(stream)).isEqualTo(3);
  }

  @Test
  void concurrentPublishersNeverOvershootMaxLength() throws Exception {
    Publisher publisher = publisher(settings("pubsub.max-length", "100"));
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      attempts.add(
          () -> {
            try {
              publisher.publish(TestEvents.alertCreated());
              return true;
            } catch (PublishFailed refused) {
              return false;
            }
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long published = 0;
    try {
      for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
        published += attempt.get() ? 1 : 0;
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(published).isEqualTo(100);
    assertThat(streams().size(stream)).isEqualTo(100);
  }

  /** The situation of the issue: analytics is down for long, the stream keeps growing. */
  @Test
  void aStreamAtItsMemoryLimitLeavesRoomForTheEbayTokenAndBudget(CapturedOutput output) {
    // Defaults: pubsub.max-length 1,000,000 (far more than 8 MB holds), max-memory-fill 0.75.
    PubSubProperties settings = settings();
    Publisher publisher = publisher(settings);
    long before = usedMemory();
    int accepted = fillUntilRefused(publisher);
    long length = streams().size(stream);
    long used = usedMemory();

    for (Event event : List.of(TestEvents.listingsObserved(50), TestEvents.alertCreated())) {
      assertThatThrownBy(() -> publisher.publish(event))
          .isInstanceOf(PublishFailed.class)
          .hasMessageContaining("pubsub.max-memory-fill is 75%");
    }

    assertThat(streams().size(stream)).isEqualTo(length).isEqualTo(accepted);
    assertThat(used).isLessThan((long) (MAX_MEMORY * 0.76));
    assertThat(refused("max-memory-fill")).isEqualTo(5);
    // The commands ebay-client sends: AccessTokens caches the token with SET PX and takes its lock
    // with SET NX PX; CallBudget counts each call with INCR (and PEXPIRE) in a script. A whole day
    // of the default budget (EBAY_DAILY_CALL_BUDGET=5000) still fits.
    String budget = "ebay:alerts-service:calls:2025-06-02";
    redis.opsForValue().set("ebay:alerts-service:token", "v^1.1#i^1#token", Duration.ofHours(2));
    assertThat(
            redis
                .opsForValue()
                .setIfAbsent("ebay:alerts-service:token-lock", "owner", Duration.ofSeconds(30)))
        .isTrue();
    for (int call = 0; call < 5000; call++) {
      redis.opsForValue().increment(budget);
    }
    assertThat(redis.expire(budget, Duration.ofDays(2))).isTrue();
    assertThat(redis.opsForValue().get(budget)).isEqualTo("5000");

    // The operator has been told, and the gauge shows how full Redis is.
    StreamTrimmer.Pass pass = trimmer(settings).pass();
    assertThat(pass.memoryFill()).isBetween(0.7, 0.8);
    assertThat(meters.get("pubsub.redis.memory.fill").gauge().value()).isBetween(0.7, 0.8);
    assertThat(output.getOut())
        .contains("Redis uses ", "at pubsub.max-memory-fill (75%) publishing is refused");
    log.info(
        "Redis with maxmemory {} bytes: {} events accepted (ListingsObserved of 50 listings: {}"
            + " bytes of JSON), then refused at {} bytes used ({}%, {} bytes per entry on average);"
            + " token, lock and {} budget increments written afterwards",
        MAX_MEMORY,
        accepted,
        codec.encode(TestEvents.listingsObserved(50)).length(),
        used,
        used * 100 / MAX_MEMORY,
        (used - before) / accepted,
        redis.opsForValue().get(budget));
  }

  /**
   * What publishing did before the limits (XADD with MAXLEN ~ 1,000,000, which 8 MB never reaches):
   * the stream fills Redis, and with noeviction the eBay token and budget writes fail, so every
   * eBay fetch is deferred. This is the failure the limits prevent.
   */
  @Test
  void withoutTheLimitsAStreamFillsRedisAndTheEbayWritesFail() {
    XAddOptions unbounded = XAddOptions.maxlen(1_000_000).approximateTrimming(true);
    int accepted = 0;
    for (int size : new int[] {20_000, 1_000, 50}) {
      String payload = "x".repeat(size);
      try {
        while (accepted < 100_000) {
          streams()
              .add(StreamRecords.string(Map.of("event", payload)).withStreamKey(stream), unbounded);
          accepted++;
        }
      } catch (DataAccessException outOfMemory) {
        assertThat(outOfMemory).rootCause().hasMessageStartingWith("OOM");
      }
    }

    assertThatThrownBy(
            () ->
                redis
                    .opsForValue()
                    .set("ebay:alerts-service:token", "v^1.1#i^1#token", Duration.ofHours(2)))
        .rootCause()
        .hasMessageStartingWith("OOM");
    assertThatThrownBy(() -> redis.opsForValue().increment("ebay:alerts-service:calls:2025-06-02"))
        .rootCause()
        .hasMessageStartingWith("OOM");
    log.info("Without limits: {} entries filled Redis to {} bytes", accepted, usedMemory());
  }

  @Test
  void warnsBeforePublishingIsRefused(CapturedOutput output) {
    PubSubProperties settings = settings();
    Publisher publisher = publisher(settings);
    // 80% of the memory limit: 0.6 of maxmemory.
    while (usedMemory() < MAX_MEMORY * 0.61) {
      publisher.publish(TestEvents.listingsObserved(50));
    }

    StreamTrimmer.Pass pass = trimmer(settings).pass();

    assertThat(pass.memoryFill()).isBetween(0.6, 0.75);
    assertThat(output.getOut()).contains("at pubsub.max-memory-fill (75%) publishing is refused");
    publisher.publish(TestEvents.listingsObserved(50));
  }

  @Test
  void publishingResumesOnceConsumersCatchUp() {
    PubSubProperties settings = settings();
    Publisher publisher = publisher(settings);
    int accepted = fillUntilRefused(publisher);

    createGroup();
    acknowledge(read(accepted));
    StreamTrimmer.Pass pass = trimmer(settings).pass();

    assertThat(pass.removed()).isPositive();
    assertThat(pass.memoryFill()).isLessThan(0.5);
    publisher.publish(TestEvents.listingsObserved(50));
  }

  @Test
  void deadLetteringWaitsForRoomInsteadOfFillingRedis(CapturedOutput output) {
    PubSubProperties settings = settings("pubsub.consumer-name", "c1");
    streams().add(StreamRecords.string(Map.of("event", "{not json")).withStreamKey(stream));
    // Something else has taken Redis past the memory limit (not up to maxmemory).
    List<String> ballast = new ArrayList<>();
    String chunk = "x".repeat(64 * 1024);
    while (usedMemory() < MAX_MEMORY * 0.8) {
      ballast.add("ballast-" + ballast.size());
      redis.opsForValue().set(ballast.get(ballast.size() - 1), chunk);
    }
    StreamsSubscriber subscriber = new StreamsSubscriber(redis, codec, settings, metrics);
    subscriber.subscribe(Event.class, event -> {});
    subscriber.start();
    subscribers.add(subscriber);

    await().until(() -> output.getOut().contains("pubsub.max-memory-fill is 75%"));
    assertThat(streams().size(settings.deadLetterStream())).isZero();
    assertThat(streams().pending(stream, GROUP).getTotalPendingMessages()).isEqualTo(1);

    redis.delete(ballast);

    await().until(() -> streams().size(settings.deadLetterStream()) == 1);
    await().until(() -> streams().pending(stream, GROUP).getTotalPendingMessages() == 0);
  }

  @Test
  void theDeadLetterStreamIsTrimmedRatherThanRefusedAtMaxLength() {
    StreamAppender deadLetters = StreamAppender.trimmingTo(redis, 50, 0.75);

    for (int i = 0; i < 400; i++) {
      deadLetters.append(stream, Map.of("event", "{}", "reason", "UNREADABLE"));
    }

    // Approximate trimming removes whole nodes of up to 100 entries (stream-node-max-entries).
    assertThat(streams().size(stream)).isBetween(50L, 150L);
  }

  /**
   * Publishes events of a search run with 50 listings until one is refused, then smaller ones (a
   * run with a single listing, an alert change) until they are refused too, as a mix of publishers
   * would: without the limits they would fill what the large ones leave.
   *
   * @return how many were accepted
   */
  private int fillUntilRefused(Publisher publisher) {
    List<Supplier<Event>> largestFirst =
        List.of(
            () -> TestEvents.listingsObserved(50),
            () -> TestEvents.listingsObserved(1),
            TestEvents::alertDeleted);
    int accepted = 0;
    for (Supplier<Event> events : largestFirst) {
      boolean refused = false;
      while (!refused && accepted < 100_000) {
        try {
          publisher.publish(events.get());
          accepted++;
        } catch (PublishFailed failure) {
          assertThat(failure).hasMessageContaining("pubsub.max-memory-fill");
          refused = true;
        }
      }
      assertThat(refused).as("publishing was refused").isTrue();
    }
    return accepted;
  }

  private long usedMemory() {
    Properties info =
        redis.execute(
            (RedisCallback<Properties>) connection -> connection.serverCommands().info("memory"));
    return Long.parseLong(info.getProperty("used_memory"));
  }

  private Publisher publisher(PubSubProperties settings) {
    return new StreamsPublisher(redis, codec, settings, metrics);
  }

  private StreamTrimmer trimmer(PubSubProperties settings) {
    return new StreamTrimmer(redis, settings, metrics);
  }

  private List<RecordId> ids() {
    return streams().range(stream, Range.unbounded()).stream().map(MapRecord::getId).toList();
  }

  private void createGroup() {
    streams().createGroup(stream, ReadOffset.from("0"), GROUP);
  }

  private List<RecordId> read(int count) {
    return streams()
        .read(
            Consumer.from(GROUP, "c1"),
            StreamReadOptions.empty().count(count),
            StreamOffset.create(stream, ReadOffset.lastConsumed()))
        .stream()
        .map(MapRecord::getId)
        .toList();
  }

  private void acknowledge(List<RecordId> ids) {
    streams().acknowledge(stream, GROUP, ids.toArray(RecordId[]::new));
  }

  private double count(String name, String tag, String value) {
    return meters.get(name).tag(tag, value).counter().count();
  }

  private double refused(String reason) {
    return meters.get("pubsub.publish.failed").tag("reason", reason).counters().stream()
        .mapToDouble(counter -> counter.count())
        .sum();
  }

  /** Fast retry settings for tests; pairs of name and value override them. */
  private PubSubProperties settings(String... overrides) {
    Map<String, String> properties = new HashMap<>();
    properties.put("pubsub.stream", stream);
    properties.put("pubsub.dead-letter-stream", stream + ".dlq");
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
