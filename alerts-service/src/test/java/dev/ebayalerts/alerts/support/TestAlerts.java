package dev.ebayalerts.alerts.support;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Alerts created through the API, as a person or the dashboard creates them. */
public final class TestAlerts {

  private TestAlerts() {}

  /** A 10-minute alert for {@code email}; returns the 201 response's body. */
  public static Map<?, ?> create(RestTestClient client, String email, String phrase) {
    return create(client, email, phrase, "");
  }

  /** The same, with more JSON members appended to the request, e.g. {@code ,"channels":[...]}. */
  public static Map<?, ?> create(RestTestClient client, String email, String phrase, String more) {
    return post(client, email, phrase, more)
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * The same request, its answer left to the test: 202 without a session, a 400 for a limit, ...
   */
  public static RestTestClient.ResponseSpec post(
      RestTestClient client, String email, String phrase, String more) {
    return client
        .post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"email\":\"%s\",\"searchPhrase\":\"%s\",\"frequencyMinutes\":10%s}"
                .formatted(email, phrase, more))
        .exchange();
  }
}
