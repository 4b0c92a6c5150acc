package dev.ebayalerts.analytics.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.analytics.support.IntegrationTest;
import dev.ebayalerts.analytics.support.Sessions;
import dev.ebayalerts.pubsub.AlertCreated;
import dev.ebayalerts.pubsub.AlertState;
import dev.ebayalerts.pubsub.AlertUpdated;
import dev.ebayalerts.pubsub.ListingsObserved;
import dev.ebayalerts.pubsub.ObservedListing;
import dev.ebayalerts.pubsub.PubSubProperties;
import dev.ebayalerts.pubsub.Publisher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * From alerts-service's events to the dashboard's figures: insights never mix marketplaces, and
 * events of producers from before alerts had one count as eBay US.
 */
@IntegrationTest
@AutoConfigureRestTestClient
class InsightMarketplaceTests {

  static final String EMAIL = "marketplaces@example.com";

  @Autowired Publisher publisher;
  @Autowired RestTestClient http;
  @Autowired JdbcClient jdbc;
  @Autowired StringRedisTemplate redis;
  @Autowired PubSubProperties pubsub;

  @Test
  void anAlertMovedFromGermanyToFranceShowsOnlyWhatItSawInFrance() {
    UUID alert = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    // both sites price in EUR, and listing A is on both at different prices
    publisher.publish(AlertCreated.of(state(alert, 0, "EBAY_DE")));
    publisher.publish(
        ListingsObserved.of(
            alert,
            "camera",
            List.of(listing("A", "100.00", "de", now), listing("B", "500.00", "de", now)),
            "EBAY_DE"));
    publisher.publish(AlertUpdated.of(state(alert, 1, "EBAY_FR")));
    publisher.publish(
        ListingsObserved.of(
            alert,
            "camera",
            List.of(listing("A", "120.00", "fr", now), listing("C", "60.00", "fr", now)),
            "EBAY_FR"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> observations(alert) == 4 && "EBAY_FR".equals(marketplaceOf(alert)));

    get("/api/alerts/{id}/insights", alert)
        .jsonPath("$.marketplace")
        .isEqualTo("EBAY_FR")
        .jsonPath("$.currencies.length()")
        .isEqualTo(1)
        .jsonPath("$.currencies[0].currency")
        .isEqualTo("EUR")
        .jsonPath("$.currencies[0].listingsTracked")
        .isEqualTo(2)
        .jsonPath("$.currencies[0].lowest")
        .isEqualTo(60.0)
        .jsonPath("$.currencies[0].highest")
        .isEqualTo(120.0)
        .jsonPath("$.currencies[0].bestDeals[0].itemWebUrl")
        .isEqualTo("https://www.ebay.fr/itm/C");
    get("/api/alerts/{id}/price-history", alert)
        .jsonPath("$.length()")
        .isEqualTo(1)
        .jsonPath("$[0].min")
        .isEqualTo(60.0)
        .jsonPath("$[0].max")
        .isEqualTo(120.0)
        .jsonPath("$[0].listings")
        .isEqualTo(2);
  }

  @Test
  void eventsWithoutAMarketplaceFromAnOlderProducerCountAsEbayUs() {
    UUID alert = UUID.randomUUID();
    Instant now = Instant.now();
    // written to the stream as the producers before marketplaces and shipping wrote them
    append(
        "AlertCreated",
        """
        {"type":"AlertCreated","version":1,"eventId":"%s","occurredAt":"%s","alert":{"id":"%s",\
        "email":"%s","searchPhrase":"camera","frequencyMinutes":10,"minPrice":null,\
        "maxPrice":null,"currency":"USD","condition":"ANY","buyingOption":"ANY",\
        "excludeWords":[],"active":true,"version":0,"createdAt":"%s","updatedAt":"%s"}}\
        """
            .formatted(UUID.randomUUID(), now, alert, EMAIL, now, now));
    append(
        "ListingsObserved",
        """
        {"type":"ListingsObserved","version":1,"eventId":"%s","occurredAt":"%s","alertId":"%s",\
        "query":"camera","listings":[{"itemId":"v1|1|0","title":"Camera","price":42.00,\
        "currency":"USD","itemWebUrl":"https://www.ebay.com/itm/1","imageUrl":null,\
        "condition":"USED","buyingOption":"FIXED_PRICE","observedAt":"%s"}]}\
        """
            .formatted(UUID.randomUUID(), now, alert, now));

    await().atMost(Duration.ofSeconds(30)).until(() -> observations(alert) == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> "EBAY_US".equals(marketplaceOf(alert)));

    Map<String, Object> row =
        jdbc.sql(
                "select marketplace, shipping_cost, shipping_type from price_observation"
                    + " where alert_id = ?")
            .param(alert)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("marketplace", "EBAY_US")
        .containsEntry("shipping_cost", null)
        .containsEntry("shipping_type", null);
    get("/api/alerts/{id}/insights", alert)
        .jsonPath("$.marketplace")
        .isEqualTo("EBAY_US")
        .jsonPath("$.currencies[0].listingsTracked")
        .isEqualTo(1)
        .jsonPath("$.currencies[0].median")
        .isEqualTo(42.0);
  }

  private RestTestClient.BodyContentSpec get(String uri, UUID alert) {
    return http.get()
        .uri(uri, alert)
        .header(HttpHeaders.AUTHORIZATION, Sessions.bearer(EMAIL))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  private void append(String type, String json) {
    redis
        .opsForStream()
        .add(
            StreamRecords.string(Map.of("type", type, "event", json))
                .withStreamKey(pubsub.stream()));
  }

  private long observations(UUID alert) {
    return jdbc.sql("select count(*) from price_observation where alert_id = ?")
        .param(alert)
        .query(Long.class)
        .single();
  }

  private String marketplaceOf(UUID alert) {
    return jdbc.sql("select marketplace from alert_copy where id = ?")
        .param(alert)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static AlertState state(UUID id, long version, String marketplace) {
    Instant created = Instant.parse("2026-11-01T10:00:00Z");
    return new AlertState(
        id,
        EMAIL,
        "camera",
        10,
        null,
        null,
        "EUR",
        "ANY",
        "ANY",
        List.of(),
        true,
        version,
        created,
        created.plusSeconds(version),
        marketplace);
  }

  private static ObservedListing listing(String item, String price, String site, Instant at) {
    return new ObservedListing(
        item,
        "Camera " + item,
        new BigDecimal(price),
        "EUR",
        "https://www.ebay." + site + "/itm/" + item,
        null,
        "USED",
        "FIXED_PRICE",
        at,
        new BigDecimal("4.90"),
        "FIXED");
  }
}
