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
import java.math.RoundingMode;
import java.sql.Timestamp;
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

  @Test
  void storesEveryValueAsSentWhateverItsForm() {
    UUID alert = UUID.randomUUID();
    Instant now = Instant.parse("2026-03-01T10:15:31.123456Z");
    String title =
        "Kamera \\ mit\tTab, Zeilen\numbruch, 'Quote' \"und\" Ümläüte 📷 " + "x".repeat(400);
    List<BigDecimal> prices =
        List.of(
            new BigDecimal("1899.90"),
            new BigDecimal("1E+3"),
            new BigDecimal("0.05"),
            new BigDecimal("0.00"),
            new BigDecimal("9999999999.99"),
            new BigDecimal("12.3"),
            new BigDecimal("10000"),
            new BigDecimal("-4.5"),
            new BigDecimal("1.005"));
    List<ObservedListing> listings =
        IntStream.range(0, prices.size())
            .mapToObj(
                i ->
                    new ObservedListing(
                        "item-" + i,
                        title,
                        prices.get(i),
                        "EUR",
                        "https://www.ebay.de/itm/" + i,
                        i % 2 == 0 ? null : "https://i.ebayimg.com/" + i,
                        i % 3 == 0 ? null : "USED",
                        "FIXED_PRICE",
                        // one without its own instant: the fetch's is stored
                        i == 1 ? null : now.plusNanos(i * 250_001L).minusSeconds(86_400L * i),
                        prices.get(prices.size() - 1 - i),
                        i % 2 == 0 ? "FIXED" : null))
            .toList();
    Instant fetchedAt = Instant.parse("2026-03-01T09:00:00Z");
    ingest.on(
        new ListingsObserved(UUID.randomUUID(), fetchedAt, alert, "camera", listings, "EBAY_DE"));

    List<Map<String, Object>> rows =
        jdbc.sql(
                "select item_id, title, price, currency, item_web_url, image_url, item_condition,"
                    + " buying_option, observed_at, marketplace, shipping_cost, shipping_type"
                    + " from price_observation where alert_id = ? order by item_id")
            .param(alert)
            .query()
            .listOfRows();
    assertThat(rows).hasSize(listings.size());
    for (int i = 0; i < listings.size(); i++) {
      ObservedListing sent = listings.get(i);
      Map<String, Object> row = rows.get(i);
      assertThat(row.get("item_id")).isEqualTo(sent.itemId());
      assertThat(row.get("title")).isEqualTo(title.substring(0, 300));
      // numeric(12, 2) rounds to cents
      assertThat(row.get("price")).isEqualTo(sent.price().setScale(2, RoundingMode.HALF_UP));
      assertThat(row.get("shipping_cost"))
          .isEqualTo(sent.shippingCost().setScale(2, RoundingMode.HALF_UP));
      assertThat(row.get("currency")).isEqualTo("EUR");
      assertThat(row.get("item_web_url")).isEqualTo(sent.itemWebUrl());
      assertThat(row.get("image_url")).isEqualTo(sent.imageUrl());
      assertThat(row.get("item_condition")).isEqualTo(sent.condition());
      assertThat(row.get("buying_option")).isEqualTo("FIXED_PRICE");
      Instant observedAt = sent.observedAt() == null ? fetchedAt : sent.observedAt();
      // timestamptz holds microseconds: the rest is rounded to the nearest
      assertThat(((Timestamp) row.get("observed_at")).toInstant())
          .isEqualTo(
              Instant.ofEpochSecond(
                  observedAt.getEpochSecond(), (observedAt.getNano() + 500) / 1000 * 1000L));
      assertThat(row.get("marketplace")).isEqualTo("EBAY_DE");
      assertThat(row.get("shipping_type")).isEqualTo(sent.shippingType());
    }
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
