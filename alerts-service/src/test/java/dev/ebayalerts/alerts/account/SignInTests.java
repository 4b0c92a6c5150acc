package dev.ebayalerts.alerts.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.testing.Smtp;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Sign-in by a link sent by email: single use, expiring, and rate limited. */
@IntegrationTest
class SignInTests {

  private static final Pattern SIGN_IN_LINK = Pattern.compile("(https?://\\S+)\\?token=(\\S+)");

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired Subscribers subscribers;
  @Autowired JdbcClient jdbc;
  @Autowired SignedTokens tokens;
  @Autowired ManageLinks links;

  @Test
  void theEmailedLinkSignsInOnceAndConfirmsTheAddress() throws Exception {
    String email = fresh("signin");
    requestLink(email).expectStatus().isAccepted();

    List<MimeMessage> received = Smtp.forTests().receivedBy(email);
    assertThat(received).hasSize(1);
    Matcher link = SIGN_IN_LINK.matcher(received.get(0).getContent().toString());
    assertThat(link.find()).isTrue();
    assertThat(link.group(1)).as("the link opens the dashboard").isEqualTo("http://localhost:3000");
    String token = link.group(2);
    assertThat(
            jdbc.sql("select count(*) from sign_in_token where token_hash = ?")
                .param(token)
                .query(Long.class)
                .single())
        .as("only a hash of the token is stored")
        .isZero();

    http.get()
        .uri("/signin?token={token}", token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("<form method=\"post\" action=\"/signin\""));
    String cookie =
        postForm("/signin", token)
            .expectStatus()
            .isOk()
            .returnResult()
            .getResponseHeaders()
            .getFirst(HttpHeaders.SET_COOKIE);
    assertThat(cookie).startsWith("alerts_session=").contains("HttpOnly", "SameSite=Lax");
    assertThat(cookie).doesNotContain("Secure"); // plain http here; https gets Secure
    assertThat(subscribers.isConfirmed(email)).isTrue();

    http.get()
        .uri("/api/alerts")
        .header(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')))
        .exchange()
        .expectStatus()
        .isOk();
    http.get()
        .uri("/api/session")
        .header(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.email")
        .isEqualTo(email);

    postForm("/signin", token).expectStatus().isBadRequest();
    exchange(token).expectStatus().isBadRequest();
  }

  /**
   * Login CSRF: another site's page must not sign a visitor in as the owner of a token the attacker
   * holds (the visitor would then save their searches into the attacker's account).
   */
  @Test
  void aSignInFormPostedFromAnotherSiteIsRefusedAndTheLinkStillWorks() {
    String email = fresh("csrf");
    String token = signInLinks.create(email);

    http.post()
        .uri("/signin")
        .header("Origin", "https://evil.example")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.SET_COOKIE);
    http.post()
        .uri("/signin")
        .header("Referer", "https://evil.example/page")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isForbidden();

    http.post()
        .uri("/signin")
        .header("Origin", "http://localhost:8080")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .exists(HttpHeaders.SET_COOKIE);
  }

  @Test
  void withoutASessionNobodyIsSignedIn() {
    http.get()
        .uri("/api/session")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get()
        .uri("/api/session")
        .header(HttpHeaders.AUTHORIZATION, "Bearer forged.token")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aUsedTokenIsRefused() {
    String token = signInLinks.create(fresh("reused"));
    exchange(token).expectStatus().isOk().expectBody().jsonPath("$.token").isNotEmpty();
    exchange(token)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("token");
  }

  @Test
  void anExpiredTokenIsRefused() {
    String email = fresh("expired");
    String token = signInLinks.create(email);
    jdbc.sql("update sign_in_token set expires_at = now() - interval '1 second' where email = ?")
        .param(email)
        .update();
    exchange(token).expectStatus().isBadRequest();
    assertThat(subscribers.isConfirmed(email)).isFalse();
  }

  @Test
  void aForgedTokenIsRefused() {
    exchange("made-up-token").expectStatus().isBadRequest();
    postForm("/signin", "made-up-token").expectStatus().isBadRequest();
  }

  @Test
  void theConfirmedPageLeadsToTheDashboard() {
    String email = fresh("confirm");
    String token = tokens.issue(SignedTokens.CONFIRM, email, Instant.now().plusSeconds(600));

    postForm("/confirm", token)
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            page ->
                assertThat(page)
                    .contains("Address confirmed", email + " is confirmed")
                    .contains("<a href=\"" + links.dashboardUrl() + "\">Open the dashboard</a>"));
    assertThat(subscribers.isConfirmed(email)).isTrue();
  }

  @Test
  void linkRequestsPerAddressAreLimited() {
    String email = fresh("limited");
    for (int i = 0; i < 3; i++) {
      requestLink(email).expectStatus().isAccepted();
    }
    requestLink(email)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(Smtp.forTests().receivedBy(email)).hasSize(3);
    requestLink(fresh("other")).expectStatus().isAccepted();
  }

  @Test
  void corsAllowsTheDashboardOriginWithCredentialsOnly() {
    http.options()
        .uri("/api/alerts")
        .header(HttpHeaders.ORIGIN, "http://localhost:3000")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    http.options()
        .uri("/api/alerts")
        .header(HttpHeaders.ORIGIN, "https://evil.example")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
  }

  private RestTestClient.ResponseSpec requestLink(String email) {
    return http.post()
        .uri("/api/session/link")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("email", email))
        .exchange();
  }

  private RestTestClient.ResponseSpec postForm(String path, String token) {
    return http.post()
        .uri(path)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
        .exchange();
  }

  private RestTestClient.ResponseSpec exchange(String token) {
    return http.post()
        .uri("/api/session")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("token", token))
        .exchange();
  }

  private static String fresh(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
