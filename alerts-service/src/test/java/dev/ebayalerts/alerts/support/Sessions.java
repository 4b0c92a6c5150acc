package dev.ebayalerts.alerts.support;

import dev.ebayalerts.alerts.account.SignInLinks;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Signs test clients in: makes a sign-in token as the emailed link would carry it, exchanges it at
 * {@code POST /api/session} and returns a client sending the bearer token. Signing in confirms the
 * address, as it does for people.
 */
public final class Sessions {

  private Sessions() {}

  public static String tokenFor(RestTestClient http, SignInLinks links, String email) {
    Map<?, ?> session =
        http.post()
            .uri("/api/session")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("token", links.create(email)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (String) session.get("token");
  }

  /** A client signed in as {@code email}. */
  public static RestTestClient signedIn(RestTestClient http, SignInLinks links, String email) {
    String token = tokenFor(http, links, email);
    return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
  }
}
