package dev.ebayalerts.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Optimistic locking: of several changes made from the same version, exactly one wins. */
@IntegrationTest
class ConcurrentUpdateTests {

  private static final int WRITERS = 8;

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;

  /** The alerts API answers only the owner of an alert: these tests act as jane. */
  @BeforeEach
  void signInAsJane() {
    http = Sessions.signedIn(http, signInLinks, "jane@example.com");
  }

  @Test
  void onlyOneOfConcurrentUpdatesFromTheSameVersionWins() throws Exception {
    AlertResponse alert =
        http.post()
            .uri("/api/alerts")
            .contentType(MediaType.APPLICATION_JSON)
            .body(AlertApiTests.body("race", 10))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(AlertResponse.class)
            .returnResult()
            .getResponseBody();

    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      for (int i = 0; i < WRITERS; i++) {
        String phrase = "writer " + i;
        statuses.add(
            pool.submit(
                () -> {
                  start.await();
                  return http.put()
                      .uri("/api/alerts/{id}", alert.id())
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(
                          """
                          {"email":"jane@example.com","searchPhrase":"%s","frequencyMinutes":10,
                           "version":0}"""
                              .formatted(phrase))
                      .exchange()
                      .returnResult()
                      .getStatus()
                      .value();
                }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        codes.add(status.get());
      }
      assertThat(codes).containsOnly(200, 409);
      assertThat(codes).filteredOn(code -> code == 200).hasSize(1);
    } finally {
      pool.shutdownNow();
    }

    AlertResponse stored =
        http.get()
            .uri("/api/alerts/{id}", alert.id())
            .exchange()
            .expectBody(AlertResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.searchPhrase()).startsWith("writer ");
  }
}
