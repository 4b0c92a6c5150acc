package dev.ebayalerts.alerts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.pubsub.PubSubProperties;
import dev.ebayalerts.testing.Redis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every alert change reaches Redis, also when Redis was down when the change was made. */
@IntegrationTest
class OutboxTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired StringRedisTemplate redis;
  @Autowired JdbcClient jdbc;
  @Autowired PubSubProperties pubsub;

  /** The alerts API answers only the owner of an alert: these tests act as jane. */
  @BeforeEach
  void signInAsJane() {
    http = Sessions.signedIn(http, signInLinks, "jane@example.com");
  }

  @Test
  void everyChangeIsPublishedWithTheAlertsState() {
    String id = create("outbox camera");
    http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"active\":false}")
        .exchange()
        .expectStatus()
        .isOk();
    http.delete().uri("/api/alerts/{id}", id).exchange().expectStatus().isNoContent();

    // Publication is asynchronous and a failed attempt is resubmitted later, so the stream does not
    // promise the order of changes: each event carries the alert's version, and consumers apply
    // only a newer one (analytics' AlertCopyTests cover events arriving out of order).
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(eventsAbout(id))
                    .containsExactlyInAnyOrder("AlertCreated", "AlertUpdated", "AlertDeleted"));
    assertThat(events())
        .filteredOn(e -> e.getValue().get("event").contains(id))
        .extracting(e -> e.getValue().get("event"))
        .anySatisfy(json -> assertThat(json).contains("\"active\":false", "\"version\":1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
  }

  @Test
  void changesMadeWhileRedisIsDownArePublishedOnceItIsBack() {
    Redis server = Redis.forTests();
    List<String> ids = new ArrayList<>();
    server.stop();
    try {
      for (int i = 0; i < 5; i++) {
        ids.add(create("while redis is down " + i));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> pending() >= 5);
    } finally {
      server.start();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Set<String> published =
                  events().stream()
                      .map(e -> e.getValue().get("event"))
                      .flatMap(json -> ids.stream().filter(json::contains))
                      .collect(Collectors.toSet());
              assertThat(published).containsExactlyInAnyOrderElementsOf(ids);
            });
    await().atMost(Duration.ofSeconds(20)).until(() -> pending() == 0);
  }

  private String create(String phrase) {
    return http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"email\":\"jane@example.com\",\"searchPhrase\":\"%s\",\"frequencyMinutes\":10}"
                .formatted(phrase))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
  }

  private long pending() {
    return jdbc.sql("select count(*) from event_publication where completion_date is null")
        .query(Long.class)
        .single();
  }

  private List<MapRecord<String, String, String>> events() {
    List<MapRecord<String, String, String>> records =
        redis.<String, String>opsForStream().range(pubsub.stream(), Range.unbounded());
    return records == null ? List.of() : records;
  }

  private List<String> eventsAbout(String id) {
    return events().stream()
        .filter(e -> e.getValue().get("event").contains(id))
        .map(e -> e.getValue().get("type"))
        .toList();
  }
}
