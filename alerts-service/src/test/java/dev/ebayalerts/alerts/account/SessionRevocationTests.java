package dev.ebayalerts.alerts.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.pubsub.security.SessionTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Sessions can be ended before they expire: one at a time, all at once ("sign out everywhere"), and
 * by signing out. Before, a session token stayed valid for its whole week whatever its owner did.
 */
@IntegrationTest
class SessionRevocationTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired StringRedisTemplate redis;

  @Test
  void anOwnerSeesTheirSessionsAndEndsOneWhoseTokenStopsWorkingAtOnce() {
    String email = address("one");
    String laptop = Sessions.tokenFor(http, signInLinks, email);
    String phone = Sessions.tokenFor(http, signInLinks, email);

    List<?> listed = list(laptop);
    assertThat(listed).hasSize(2);
    Map<?, ?> other =
        listed.stream()
            .map(Map.class::cast)
            .filter(s -> Boolean.FALSE.equals(s.get("current")))
            .findFirst()
            .orElseThrow();

    // The phone was just seen live: ending it must not wait for that to be forgotten.
    as(phone).get().uri("/api/alerts").exchange().expectStatus().isOk();
    as(laptop)
        .delete()
        .uri("/api/sessions/{id}", other.get("id"))
        .exchange()
        .expectStatus()
        .isNoContent();

    as(phone).get().uri("/api/alerts").exchange().expectStatus().isUnauthorized();
    as(laptop).get().uri("/api/alerts").exchange().expectStatus().isOk();
    assertThat(list(laptop)).hasSize(1);
    // analytics-service, which cannot see the session table, learns it from Redis
    assertThat(redis.hasKey(SessionTokens.endedKey(SessionTokens.hash(phone)))).isTrue();
    assertThat(redis.getExpire(SessionTokens.endedKey(SessionTokens.hash(phone))))
        .isBetween(6L * 24 * 3600, 7L * 24 * 3600);
    assertThat(redis.hasKey(SessionTokens.endedKey(SessionTokens.hash(laptop)))).isFalse();
  }

  @Test
  void signingOutEverywhereEndsEverySession() {
    String email = address("all");
    String first = Sessions.tokenFor(http, signInLinks, email);
    String second = Sessions.tokenFor(http, signInLinks, email);

    as(second).get().uri("/api/alerts").exchange().expectStatus().isOk();
    as(first).delete().uri("/api/sessions").exchange().expectStatus().isNoContent();

    as(first).get().uri("/api/alerts").exchange().expectStatus().isUnauthorized();
    as(second).get().uri("/api/alerts").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void signingOutEndsTheSessionNotOnlyItsCookie() {
    String token = Sessions.tokenFor(http, signInLinks, address("out"));

    as(token).delete().uri("/api/session").exchange().expectStatus().isNoContent();

    as(token).get().uri("/api/session").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void anotherAddressesSessionCannotBeEnded() {
    String mine = Sessions.tokenFor(http, signInLinks, address("mine"));
    String theirs = Sessions.tokenFor(http, signInLinks, address("theirs"));
    Object theirId = ((Map<?, ?>) list(theirs).get(0)).get("id");

    as(mine).delete().uri("/api/sessions/{id}", theirId).exchange().expectStatus().isNotFound();
    as(theirs).get().uri("/api/alerts").exchange().expectStatus().isOk();
  }

  private List<?> list(String token) {
    return as(token)
        .get()
        .uri("/api/sessions")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(List.class)
        .returnResult()
        .getResponseBody();
  }

  private RestTestClient as(String token) {
    return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
  }

  private static String address(String test) {
    return "sessions-" + test + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
