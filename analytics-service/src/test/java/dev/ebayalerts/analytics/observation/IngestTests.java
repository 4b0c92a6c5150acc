package dev.ebayalerts.analytics.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.analytics.support.IntegrationTest;
import dev.ebayalerts.pubsub.ListingsObserved;
import dev.ebayalerts.pubsub.ObservedListing;
import dev.ebayalerts.pubsub.PubSubProperties;
import dev.ebayalerts.pubsub.Publisher;
import dev.ebayalerts.pubsub.Subscriber;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.Lifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Events reach the observations table exactly once in effect: nothing lost, nothing doubled. */
@IntegrationTest
class IngestTests {

  @Autowired Publisher publisher;
  @Autowired Subscriber subscriber;
  @Autowired JdbcClient jdbc;
  @Autowired StringRedisTemplate redis;
  @Autowired PubSubProperties pubsub;

  @Test
  void tenThousandEventsSurviveTwoConsumerRestartsMidStream() throws Exception {
    UUID alert = UUID.randomUUID();
    int events = 10_000;
    Lifecycle consumer = (Lifecycle) subscriber;

    CompletableFuture<Void> publishing =
        CompletableFuture.runAsync(
            () ->
                IntStream.range(0, events)
                    .forEach(i -> publisher.publish(fetch(alert, "item-" + i, "item-shared"))));

    for (int restart = 1; restart <= 2; restart++) {
      int reached = restart * events / 3;
      await().atMost(Duration.ofMinutes(2)).until(() -> observed(alert) >= 2L * reached);
      consumer.stop();
      // while the consumer is down the publisher keeps going: those events wait in the stream
      long atStop = observed(alert);
      await().during(Duration.ofMillis(300)).until(() -> observed(alert) == atStop);
      consumer.start();
    }
    publishing.get();

    await().atMost(Duration.ofMinutes(2)).until(() -> observed(alert) >= 2L * events);
    await().during(Duration.ofSeconds(3)).until(() -> observed(alert) == 2L * events);
    assertThat(
            jdbc.sql(
                    "select count(distinct item_id) from price_observation where alert_id = ?"
                        + " and item_id <> 'item-shared'")
                .param(alert)
                .query(Long.class)
                .single())
        .isEqualTo(events);
  }

  @Test
  void aDuplicateDeliveryAddsNoRows() {
    UUID alert = UUID.randomUUID();
    ListingsObserved event = fetch(alert, "a", "b");
    publisher.publish(event);
    publisher.publish(event);
    publisher.publish(fetch(alert, "c"));

    await().atMost(Duration.ofSeconds(30)).until(() -> observed(alert) == 3);
    await().during(Duration.ofSeconds(2)).until(() -> observed(alert) == 3);
  }

  @Test
  void listingsWithoutPriceAreSkippedButTheRestStored() {
    UUID alert = UUID.randomUUID();
    Instant now = Instant.now();
    publisher.publish(
        ListingsObserved.of(
            alert,
            "camera",
            List.of(
                new ObservedListing(
                    "priced",
                    "A camera",
                    new BigDecimal("10.00"),
                    "USD",
                    null,
                    null,
                    "NEW",
                    "FIXED_PRICE",
                    now),
                new ObservedListing(
                    "unpriced", "B camera", null, null, null, null, null, "AUCTION", now))));

    await().atMost(Duration.ofSeconds(30)).until(() -> observed(alert) == 1);
  }

  @Test
  void aPoisonEventIsDeadLetteredAndLaterEventsStillArrive() {
    UUID alert = UUID.randomUUID();
    long deadBefore = deadLetters();
    Instant now = Instant.now();
    // a currency the table cannot hold: the insert fails on every delivery
    publisher.publish(
        ListingsObserved.of(
            alert,
            "camera",
            List.of(
                new ObservedListing(
                    "bad", "A", BigDecimal.ONE, "DOLLARS", null, null, null, null, now))));
    publisher.publish(fetch(alert, "good"));

    await().atMost(Duration.ofSeconds(30)).until(() -> observed(alert) == 1);
    await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters() == deadBefore + 1);
    assertThat(observed(alert)).isEqualTo(1);
  }

  @Autowired ListingsIngest ingest;

  @Test
  void aBatchStoresAnEventGivenTwiceOnceAndSkipsOneAlreadyApplied() {
    UUID alert = UUID.randomUUID();
    ListingsObserved applied = fetch(alert, "a");
    ingest.on(applied);
    ListingsObserved twice = fetch(alert, "b", "c");
    ListingsObserved other = fetch(alert, "d");

    ingest.onBatch(List.of(applied, twice, other, twice));

    assertThat(
            jdbc.sql("select item_id from price_observation where alert_id = ? order by item_id")
                .param(alert)
                .query(String.class)
                .list())
        .containsExactly("a", "b", "c", "d");
    assertThat(
            jdbc.sql("select count(*) from processed_event where event_id in (?, ?, ?)")
                .params(applied.eventId(), twice.eventId(), other.eventId())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void aBatchWithAPoisonEventDeadLettersOnlyThatOneAndStoresTheOthersOnce() {
    UUID alert = UUID.randomUUID();
    long deadBefore = deadLetters();
    Lifecycle consumer = (Lifecycle) subscriber;
    ListingsObserved first = fetch(alert, "first");
    ListingsObserved last = fetch(alert, "last");
    // published while the consumer is down, so that one read returns all of them
    consumer.stop();
    try {
      publisher.publish(first);
      publisher.publish(poison(alert));
      publisher.publish(first);
      publisher.publish(last);
    } finally {
      consumer.start();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> observed(alert) == 2);
    await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters() == deadBefore + 1);
    assertThat(
            jdbc.sql("select item_id from price_observation where alert_id = ? order by item_id")
                .param(alert)
                .query(String.class)
                .list())
        .containsExactly("first", "last");
  }

  @Test
  void aFailedBatchLeavesNoTrace() {
    UUID alert = UUID.randomUUID();
    ListingsObserved good = fetch(alert, "good");

    assertThatThrownBy(() -> ingest.onBatch(List.of(good, poison(alert))))
        .isInstanceOf(DataAccessException.class);

    assertThat(observed(alert)).isZero();
    assertThat(
            jdbc.sql("select count(*) from processed_event where event_id = ?")
                .param(good.eventId())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void storesTheFetchsMarketplaceAndEachListingsShippingUnknownAsUnknown() {
    UUID alert = UUID.randomUUID();
    Instant now = Instant.now();
    ingest.on(
        ListingsObserved.of(
            alert,
            "camera",
            List.of(
                listing("fixed", now, new BigDecimal("4.90"), "FIXED"),
                listing("free", now, new BigDecimal("0.00"), "FIXED"),
                // calculated for the buyer's address, which eBay did not know: no cost named
                listing("calculated", now, null, "CALCULATED"),
                new ObservedListing(
                    "unknown",
                    "Camera unknown",
                    new BigDecimal("99.50"),
                    "EUR",
                    null,
                    null,
                    "USED",
                    "FIXED_PRICE",
                    now)),
            "EBAY_DE"));

    List<Map<String, Object>> rows =
        jdbc.sql(
                "select item_id, marketplace, shipping_cost, shipping_type from price_observation"
                    + " where alert_id = ? order by item_id")
            .param(alert)
            .query()
            .listOfRows();
    assertThat(rows).extracting(row -> row.get("marketplace")).containsOnly("EBAY_DE");
    assertThat(rows)
        .extracting(
            row -> row.get("item_id"),
            row -> row.get("shipping_cost"),
            row -> row.get("shipping_type"))
        .containsExactly(
            tuple("calculated", null, "CALCULATED"),
            tuple("fixed", new BigDecimal("4.90"), "FIXED"),
            tuple("free", new BigDecimal("0.00"), "FIXED"),
            tuple("unknown", null, null));
  }

  private static ObservedListing listing(
      String itemId, Instant at, BigDecimal shippingCost, String shippingType) {
    return new ObservedListing(
        itemId,
        "Camera " + itemId,
        new BigDecimal("99.50"),
        "EUR",
        "https://www.ebay.de/itm/" + itemId,
        null,
        "USED",
        "FIXED_PRICE",
        at,
        shippingCost,
        shippingType);
  }

  /** A currency the table cannot hold: storing it fails every time. */
  private static ListingsObserved poison(UUID alert) {
    return ListingsObserved.of(
        alert,
        "camera",
        List.of(
            new ObservedListing(
                "bad", "A", BigDecimal.ONE, "DOLLARS", null, null, null, null, Instant.now())));
  }

  private long deadLetters() {
    Long size = redis.opsForStream().size(pubsub.deadLetterStream());
    return size == null ? 0 : size;
  }

  private long observed(UUID alert) {
    return jdbc.sql("select count(*) from price_observation where alert_id = ?")
        .param(alert)
        .query(Long.class)
        .single();
  }

  static ListingsObserved fetch(UUID alert, String... itemIds) {
    Instant now = Instant.now();
    return ListingsObserved.of(
        alert,
        "camera",
        java.util.Arrays.stream(itemIds)
            .map(
                id ->
                    new ObservedListing(
                        id,
                        "Camera " + id,
                        new BigDecimal("99.50"),
                        "USD",
                        "https://www.ebay.com/itm/" + id,
                        null,
                        "USED",
                        "FIXED_PRICE",
                        now))
            .toList());
  }
}
