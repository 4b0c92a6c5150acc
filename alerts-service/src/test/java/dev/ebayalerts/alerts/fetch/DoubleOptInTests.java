package dev.ebayalerts.alerts.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.alerts.support.Smtp;
import dev.ebayalerts.alerts.support.TestAlerts;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Double opt-in: an address gets nothing but its confirmation email until it is confirmed. */
@IntegrationTest
class DoubleOptInTests {

  private static final Pattern CONFIRM_LINK =
      Pattern.compile("https?://\\S+/confirm\\?token=(\\S+)");

  @Autowired FetchCycle cycle;
  @Autowired RestTestClient http;
  @Autowired JdbcClient jdbc;
  @Autowired SignInLinks signInLinks;

  @BeforeEach
  void emptyDatabase() {
    jdbc.sql("delete from delivery").update();
    jdbc.sql("delete from alert").update();
    jdbc.sql("delete from search_result").update();
  }

  @Test
  void unconfirmedAddressGetsOnlyTheConfirmationAndItsAlertIsNotFetched() throws Exception {
    String to = "optin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    EbayStub.listings("optin camera", Item.of("501", "Optin camera", "99.00", "seller"));
    String id = create(to, "optin camera");

    List<MimeMessage> received = Smtp.forTests().receivedBy(to);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getSubject()).contains("Confirm your address");
    String text = received.get(0).getContent().toString();
    assertThat(text).contains("Manage your alerts: http://localhost:3000");

    makeDue(id);
    cycle.runDue();
    assertThat(emailRows(id)).isZero();
    assertThat(hasRun(id)).isFalse();

    Matcher link = CONFIRM_LINK.matcher(text);
    assertThat(link.find()).isTrue();
    // Opening the link (as a mail scanner would) only shows a button; the button confirms.
    http.get()
        .uri("/confirm?token={token}", link.group(1))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("<form method=\"post\" action=\"/confirm\""));
    makeDue(id);
    cycle.runDue();
    assertThat(emailRows(id)).isZero();

    confirm(link.group(1))
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("Address confirmed"));

    makeDue(id);
    cycle.runDue();
    assertThat(emailRows(id)).isEqualTo(1);
  }

  @Test
  void theAlertStateSaysUnconfirmedUntilTheOwnerConfirmsThenActiveOrPaused() {
    String to = "state-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Map<?, ?> created = createResponse(to, "state camera");
    assertThat(((Map<?, ?>) created.get("status")).get("state")).isEqualTo("UNCONFIRMED");
    String id = created.get("id").toString();

    RestTestClient owner = Sessions.signedIn(http, signInLinks, to); // signing in confirms
    owner
        .get()
        .uri("/api/alerts/{id}", id)
        .exchange()
        .expectBody()
        .jsonPath("$.status.state")
        .isEqualTo("ACTIVE");
    owner
        .patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.valueOf("application/merge-patch+json"))
        .body("{\"active\":false}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status.state")
        .isEqualTo("PAUSED");
    owner
        .get()
        .uri("/api/alerts")
        .exchange()
        .expectBody()
        .jsonPath("$.content[0].status.state")
        .isEqualTo("PAUSED");
  }

  @Test
  void moreAlertsForAnUnconfirmedAddressDoNotResendTheConfirmationAtOnce() {
    String to = "resend-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    create(to, "resend one");
    create(to, "resend two");

    assertThat(Smtp.forTests().receivedBy(to)).hasSize(1);
  }

  @Test
  void forgedOrTamperedConfirmationLinksAreRefused() {
    http.get().uri("/confirm?token=forged.token").exchange().expectStatus().isBadRequest();
    http.get().uri("/confirm").exchange().expectStatus().isBadRequest();
    confirm("forged.token").expectStatus().isBadRequest();
  }

  private RestTestClient.ResponseSpec confirm(String token) {
    return http.post()
        .uri("/confirm")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
        .exchange();
  }

  private String create(String email, String phrase) {
    return createResponse(email, phrase).get("id").toString();
  }

  private Map<?, ?> createResponse(String email, String phrase) {
    return TestAlerts.create(http, email, phrase);
  }

  private void makeDue(String id) {
    jdbc.sql("update alert set next_run_at = now() - interval '1 second' where id = ?::uuid")
        .param(id)
        .update();
  }

  private long emailRows(String id) {
    return jdbc.sql("select count(*) from delivery where alert_id = ?::uuid")
        .param(id)
        .query(Long.class)
        .single();
  }

  private boolean hasRun(String id) {
    return jdbc.sql("select last_run_at is not null from alert where id = ?::uuid")
        .param(id)
        .query(Boolean.class)
        .single();
  }
}
