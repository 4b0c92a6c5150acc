package dev.ebayalerts.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.testing.Redis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoConsumer;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

class StreamsTransportTests {

  private static final String GROUP = "analytics";

  private static LettuceConnectionFactory connectionFactory;
  private static StringRedisTemplate redis;

  private final String stream = "events-" + UUID.randomUUID();
  private final String deadLetters = stream + ".dlq";
  private final EventCodec codec = new EventCodec();
  private final List<StreamsSubscriber> subscribers = new ArrayList<>();

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
  void stopSubscribers() {
    subscribers.forEach(StreamsSubscriber::stop);
  }

  @Test
  void deliversEveryEventTypeExactlyAsPublished() {
    List<Event> received = new CopyOnWriteArrayList<>();
    start("c1", received::add);
    Publisher publisher = publisher(settings());

    List<Event> published = TestEvents.oneOfEach();
    published.forEach(publisher::publish);

    await().untilAsserted(() -> assertThat(received).containsExactlyElementsOf(published));
    await().until(this::pendingCount, count -> count == 0);
  }

  @Test
  void publishesAListOfEventsInOrderInCallsOfABatchEach() {
    List<Event> received = new CopyOnWriteArrayList<>();
    start("c1", received::add);
    List<Event> published = new ArrayList<>();
    for (int i = 0; i < 2 * StreamsPublisher.BATCH + 7; i++) {
      published.add(i % 2 == 0 ? TestEvents.listingsObserved(2) : TestEvents.alertCreated());
    }

    publisher(settings()).publishAll(published);

    assertThat(streams().size(stream)).isEqualTo(published.size());
    await().untilAsserted(() -> assertThat(received).containsExactlyElementsOf(published));
  }

  @Test
  void deliversEventsPublishedBeforeTheGroupExisted() {
    Event early = TestEvents.alertCreated();
    publisher(settings()).publish(early);

    List<Event> received = new CopyOnWriteArrayList<>();
    start("c1", received::add);

    await().untilAsserted(() -> assertThat(received).containsExactly(early));
  }

  @Test
  void instancesOfOneGroupShareTheLoadEachEventHandledOnce() {
    // Claiming is pushed out of the way: this test is about splitting new messages only.
    List<UUID> first = new CopyOnWriteArrayList<>();
    List<UUID> second = new CopyOnWriteArrayList<>();
    CountDownLatch releaseFirst = new CountDownLatch(1);
    start(
        "first",
        event -> {
          first.add(event.eventId());
          releaseFirst.await(30, TimeUnit.SECONDS);
        },
        "pubsub.claim-idle",
        "1m",
        "pubsub.batch-size",
        "1");
    List<Event> published = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      published.add(TestEvents.listingsObserved());
    }
    Publisher publisher = publisher(settings());
    published.forEach(publisher::publish);

    // "first" now holds exactly one message in its handler; everything else must go to "second".
    await().until(() -> first.size() == 1);
    start("second", event -> second.add(event.eventId()), "pubsub.claim-idle", "1m");
    await().until(() -> second.size() == 9);
    releaseFirst.countDown();
    await().until(this::pendingCount, count -> count == 0);

    List<UUID> all = new ArrayList<>(first);
    all.addAll(second);
    assertThat(all)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(published.stream().map(Event::eventId).toList());
    assertThat(first).hasSize(1);
    assertThat(second).hasSize(9);
  }

  @Test
  void acknowledgesOnlyAfterTheHandlerReturns() throws Exception {
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    start(
        "c1",
        event -> {
          inHandler.countDown();
          release.await(30, TimeUnit.SECONDS);
        },
        "pubsub.claim-idle",
        "1m");

    publisher(settings()).publish(TestEvents.alertCreated());

    assertThat(inHandler.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(pendingCount()).isEqualTo(1);
    release.countDown();
    await().until(this::pendingCount, count -> count == 0);
  }

  @Test
  void retriesAFailedEventAndAcknowledgesItOnceAHandlerSucceeds() {
    List<Event> attempts = new CopyOnWriteArrayList<>();
    start(
        "c1",
        event -> {
          attempts.add(event);
          if (attempts.size() == 1) {
            throw new IllegalStateException("database briefly down");
          }
        });
    AlertUpdated event = TestEvents.alertUpdated();

    publisher(settings()).publish(event);

    await().until(() -> attempts.size() == 2 && pendingCount() == 0);
    assertThat(attempts).containsOnly(event);
    assertThat(redis.opsForStream().size(deadLetters)).isZero();
  }

  @Test
  void redeliversMessagesPendingAtADeadConsumerToALiveOne() {
    Event event = TestEvents.alertCreated();
    publisher(settings()).publish(event);
    // A consumer reads the message and dies before acknowledging it.
    streams().createGroup(stream, ReadOffset.from("0"), GROUP);
    List<MapRecord<String, Object, Object>> taken =
        streams()
            .read(
                Consumer.from(GROUP, "dead"),
                StreamReadOptions.empty().count(10),
                StreamOffset.create(stream, ReadOffset.lastConsumed()));
    assertThat(taken).hasSize(1);

    List<Event> received = new CopyOnWriteArrayList<>();
    start("alive", received::add);

    await().untilAsserted(() -> assertThat(received).containsExactly(event));
    await().until(this::pendingCount, count -> count == 0);
  }

  @Test
  void deadLettersAnEventThatKeepsFailingWithoutBlockingTheOthers() {
    AlertCreated poison = TestEvents.alertCreated();
    AlertCreated healthy = TestEvents.alertCreated();
    List<Event> poisonAttempts = new CopyOnWriteArrayList<>();
    List<Event> handled = new CopyOnWriteArrayList<>();
    start(
        "c1",
        event -> {
          if (event.equals(poison)) {
            poisonAttempts.add(event);
            throw new IllegalStateException("cannot price this listing");
          }
          handled.add(event);
        },
        "pubsub.max-deliveries",
        "3");

    Publisher publisher = publisher(settings());
    publisher.publish(poison);
    publisher.publish(healthy);

    await().until(() -> deadLetterEntries().size() == 1);
    assertThat(handled).containsExactly(healthy);
    assertThat(poisonAttempts).hasSize(3);
    Map<Object, Object> entry = deadLetterEntries().get(0).getValue();
    assertThat(entry)
        .containsEntry("reason", "HANDLER_FAILED")
        .containsEntry("deliveries", "3")
        .containsEntry("sourceStream", stream)
        .containsEntry("group", GROUP)
        .containsEntry("consumer", "c1")
        .containsEntry("type", "AlertCreated")
        .containsKeys("sourceId", "deadLetteredAt");
    assertThat((String) entry.get("error"))
        .contains("IllegalStateException")
        .contains("cannot price this listing");
    assertThat(codec.decode((String) entry.get("event"))).isEqualTo(poison);
    await().until(this::pendingCount, count -> count == 0);
  }

  @Test
  void deadLettersUnreadableMessagesOnFirstSightAndCarriesOn() {
    List<Event> handled = new CopyOnWriteArrayList<>();
    List<String> unreadable =
        List.of(
            "{not json",
            codec.encode(TestEvents.alertCreated()).replace("AlertCreated", "AlertArchived"),
            codec.encode(TestEvents.alertCreated()).replace("\"version\":1,", "\"version\":2,"));
    unreadable.forEach(payload -> add(Map.of("event", payload)));
    add(Map.of("something", "else"));
    Event healthy = TestEvents.listingsObserved();
    publisher(settings()).publish(healthy);

    start("c1", handled::add);

    await().until(() -> deadLetterEntries().size() == 4);
    await().untilAsserted(() -> assertThat(handled).containsExactly(healthy));
    assertThat(deadLetterEntries())
        .allSatisfy(
            entry ->
                assertThat(entry.getValue())
                    .containsEntry("reason", "UNREADABLE")
                    .containsEntry("deliveries", "1")
                    .containsKey("error"));
    assertThat(deadLetterEntries().stream().map(entry -> entry.getValue().get("event")))
        .containsSubsequence(unreadable.toArray());
    await().until(this::pendingCount, count -> count == 0);
  }

  @Test
  void deadLettersAMessageDeliveredTooOftenWithoutEverBeingAcknowledged() {
    Event event = TestEvents.alertDeleted();
    publisher(settings()).publish(event);
    streams().createGroup(stream, ReadOffset.from("0"), GROUP);
    RecordId id =
        streams()
            .read(
                Consumer.from(GROUP, "crashing"),
                StreamReadOptions.empty().count(1),
                StreamOffset.create(stream, ReadOffset.lastConsumed()))
            .get(0)
            .getId();
    // As if consumers had crashed on it twice more.
    streams()
        .claim(
            stream, GROUP, "crashing", XClaimOptions.minIdle(Duration.ZERO).ids(id).retryCount(3));
    List<Event> handled = new CopyOnWriteArrayList<>();

    start("c1", handled::add, "pubsub.max-deliveries", "3");

    await().until(() -> deadLetterEntries().size() == 1);
    assertThat(deadLetterEntries().get(0).getValue())
        .containsEntry("reason", "NOT_ACKNOWLEDGED")
        .containsEntry("deliveries", "3")
        .containsEntry("sourceId", id.getValue());
    assertThat((String) deadLetterEntries().get(0).getValue().get("error")).contains("crashing");
    assertThat(handled).isEmpty();
    await().until(this::pendingCount, count -> count == 0);
  }

  @Test
  void forgetsPendingMessagesThatWereTrimmedAway() {
    publisher(settings()).publish(TestEvents.alertCreated());
    streams().createGroup(stream, ReadOffset.from("0"), GROUP);
    streams()
        .read(
            Consumer.from(GROUP, "dead"),
            StreamReadOptions.empty().count(1),
            StreamOffset.create(stream, ReadOffset.lastConsumed()));
    streams().trim(stream, 0);
    Event later = TestEvents.alertUpdated();
    publisher(settings()).publish(later);
    List<Event> handled = new CopyOnWriteArrayList<>();

    start("c1", handled::add);

    await().untilAsserted(() -> assertThat(handled).containsExactly(later));
    await().until(this::pendingCount, count -> count == 0);
  }

  @Test
  void leavesTheGroupOnCleanShutdown() {
    List<Event> handled = new CopyOnWriteArrayList<>();
    StreamsSubscriber subscriber = start("leaving", handled::add);
    publisher(settings()).publish(TestEvents.alertCreated());
    await().until(() -> handled.size() == 1 && pendingCount() == 0);
    assertThat(consumerNames()).contains("leaving");

    subscriber.stop();

    assertThat(subscriber.isRunning()).isFalse();
    assertThat(consumerNames()).doesNotContain("leaving");
  }

  @Test
  void skipsEventsNoHandlerIsInterestedIn() {
    List<ListingsObserved> handled = new CopyOnWriteArrayList<>();
    StreamsSubscriber subscriber =
        new StreamsSubscriber(
            redis, codec, settings("pubsub.consumer-name", "c1"), PubSubMetrics.none());
    subscriber.subscribe(ListingsObserved.class, handled::add);
    subscriber.start();
    subscribers.add(subscriber);
    ListingsObserved listings = TestEvents.listingsObserved();

    Publisher publisher = publisher(settings());
    publisher.publish(TestEvents.alertCreated());
    publisher.publish(listings);

    await().untilAsserted(() -> assertThat(handled).containsExactly(listings));
    await().until(this::pendingCount, count -> count == 0);
  }

  @Test
  void aBatchHandlerGetsTheEventsOfOneReadInOneCallAndAllAreAcknowledged() {
    Publisher publisher = publisher(settings());
    List<Event> published = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Event event = TestEvents.alertCreated();
      published.add(event);
      publisher.publish(event);
    }
    RecordingBatchHandler handler = new RecordingBatchHandler(event -> false);
    startBatch("c1", handler);

    await().untilAsserted(() -> assertThat(handler.applied).containsExactlyElementsOf(published));
    assertThat(handler.batches).containsExactly(published);
    assertThat(handler.single).isEmpty();
    await().until(this::pendingCount, count -> count == 0);
  }

  @Test
  void aFailedBatchIsHandledOneByOneSoOnlyThePoisonEventIsDeadLettered() {
    AlertCreated first = TestEvents.alertCreated();
    AlertCreated poison = TestEvents.alertCreated();
    AlertCreated last = TestEvents.alertCreated();
    Publisher publisher = publisher(settings());
    List.of(first, poison, last).forEach(publisher::publish);
    RecordingBatchHandler handler = new RecordingBatchHandler(poison::equals);
    startBatch("c1", handler, "pubsub.max-deliveries", "3");

    await().until(() -> deadLetterEntries().size() == 1);
    assertThat(codec.decode((String) deadLetterEntries().get(0).getValue().get("event")))
        .isEqualTo(poison);
    // the failed batch applied nothing; alone, the good events were applied once each
    assertThat(handler.applied).containsExactly(first, last);
    assertThat(handler.single).containsExactly(first, poison, last, poison, poison);
    await().until(this::pendingCount, count -> count == 0);
  }

  /**
   * Applies events all or nothing per call, like a transaction: a batch holding an event {@code
   * poison} accepts applies none of them.
   */
  private static final class RecordingBatchHandler implements BatchEventHandler<Event> {

    final List<Event> applied = new CopyOnWriteArrayList<>();
    final List<List<Event>> batches = new CopyOnWriteArrayList<>();
    final List<Event> single = new CopyOnWriteArrayList<>();
    private final java.util.function.Predicate<Event> poison;

    RecordingBatchHandler(java.util.function.Predicate<Event> poison) {
      this.poison = poison;
    }

    @Override
    public void onBatch(List<Event> events) {
      batches.add(List.copyOf(events));
      if (events.stream().anyMatch(poison)) {
        throw new IllegalStateException("cannot price this listing");
      }
      applied.addAll(events);
    }

    @Override
    public void on(Event event) {
      single.add(event);
      if (poison.test(event)) {
        throw new IllegalStateException("cannot price this listing");
      }
      applied.add(event);
    }
  }

  private void startBatch(
      String consumerName, BatchEventHandler<Event> handler, String... overrides) {
    List<String> named = new ArrayList<>(List.of(overrides));
    named.addAll(List.of("pubsub.consumer-name", consumerName));
    StreamsSubscriber subscriber =
        new StreamsSubscriber(
            redis, codec, settings(named.toArray(String[]::new)), PubSubMetrics.none());
    subscriber.subscribe(Event.class, handler);
    subscriber.start();
    subscribers.add(subscriber);
  }

  /** Starts a subscriber named {@code consumerName}; pairs of name and value adjust settings. */
  private StreamsSubscriber start(
      String consumerName, EventHandler<Event> handler, String... overrides) {
    List<String> named = new ArrayList<>(List.of(overrides));
    named.addAll(List.of("pubsub.consumer-name", consumerName));
    StreamsSubscriber subscriber =
        new StreamsSubscriber(
            redis, codec, settings(named.toArray(String[]::new)), PubSubMetrics.none());
    subscriber.subscribe(Event.class, handler);
    subscriber.start();
    subscribers.add(subscriber);
    return subscriber;
  }

  private Publisher publisher(PubSubProperties settings) {
    return new StreamsPublisher(redis, codec, settings, PubSubMetrics.none());
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

  private void add(Map<String, String> fields) {
    streams().add(StreamRecords.string(fields).withStreamKey(stream));
  }

  private long pendingCount() {
    return streams().pending(stream, GROUP).getTotalPendingMessages();
  }

  private List<MapRecord<String, Object, Object>> deadLetterEntries() {
    return streams().range(deadLetters, Range.unbounded());
  }

  private List<String> consumerNames() {
    return streams().consumers(stream, GROUP).stream().map(XInfoConsumer::consumerName).toList();
  }
}
