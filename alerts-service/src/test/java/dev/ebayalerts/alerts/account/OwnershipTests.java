package dev.ebayalerts.alerts.account;

import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.alerts.support.TestAlerts;
import dev.ebayalerts.alerts.support.TestSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Each address sees and changes its own alerts only; without a session, nothing. */
@IntegrationTest
class OwnershipTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;

  RestTestClient jane;
  RestTestClient bob;

  @BeforeEach
  void twoPeople() {
    jdbc.sql("delete from delivery").update();
    jdbc.sql("delete from alert").update();
    jane = Sessions.signedIn(http, signInLinks, "jane@example.com");
    bob = Sessions.signedIn(http, signInLinks, "bob@example.com");
  }

  @Test
  void withoutASessionTheApiRevealsNothing() {
    String id = create(jane, "jane@example.com", "jane's camera");

    http.get()
        .uri("/api/alerts")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Not signed in");
    http.get().uri("/api/alerts/{id}", id).exchange().expectStatus().isUnauthorized();
    http.put()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(replacement("jane@example.com"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"active\":false}")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    http.delete().uri("/api/alerts/{id}", id).exchange().expectStatus().isUnauthorized();
  }

  @Test
  void forgedSessionTokensAreRefused() {
    http.get()
        .uri("/api/alerts")
        .header(HttpHeaders.AUTHORIZATION, "Bearer forged.token")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    http.get()
        .uri("/api/alerts")
        .header(HttpHeaders.COOKIE, "alerts_session=forged.token")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void anotherAddressGetsNotFoundOnEveryEndpoint() {
    String id = create(jane, "jane@example.com", "jane's camera");

    bob.get().uri("/api/alerts/{id}", id).exchange().expectStatus().isNotFound();
    bob.put()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(replacement("bob@example.com"))
        .exchange()
        .expectStatus()
        .isNotFound();
    bob.put()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(replacement("jane@example.com"))
        .exchange()
        .expectStatus()
        .isNotFound();
    bob.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"active\":false}")
        .exchange()
        .expectStatus()
        .isNotFound();
    bob.delete().uri("/api/alerts/{id}", id).exchange().expectStatus().isNotFound();
    bob.get()
        .uri("/api/alerts")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.totalElements")
        .isEqualTo(0);

    jane.get()
        .uri("/api/alerts/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(0)
        .jsonPath("$.active")
        .isEqualTo(true);
  }

  @Test
  void eachAddressListsOnlyItsOwnAlertsAndTheOperatorListsAll() {
    create(jane, "jane@example.com", "jane one");
    create(jane, "jane@example.com", "jane two");
    create(bob, "bob@example.com", "bob one");

    jane.get()
        .uri("/api/alerts")
        .exchange()
        .expectBody()
        .jsonPath("$.totalElements")
        .isEqualTo(2)
        .jsonPath("$.content[*].email")
        .isEqualTo(java.util.List.of("jane@example.com", "jane@example.com"));
    http.get()
        .uri("/api/alerts")
        .header("X-API-Key", TestSecrets.OPERATOR_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.totalElements")
        .isEqualTo(3);
    http.get()
        .uri("/api/alerts")
        .header("X-API-Key", "wrong-key")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void withASessionAlertsAreCreatedForThatAddressOnly() {
    jane.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"bob@example.com\",\"searchPhrase\":\"x\",\"frequencyMinutes\":10}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("email");
    String id = create(jane, "jane@example.com", "mine");
    jane.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"someone@example.com\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("email");
  }

  private static String replacement(String email) {
    return "{\"email\":\"%s\",\"searchPhrase\":\"taken\",\"frequencyMinutes\":30,\"version\":0}"
        .formatted(email);
  }

  private static String create(RestTestClient client, String email, String phrase) {
    return TestAlerts.create(client, email, phrase).get("id").toString();
  }
}
