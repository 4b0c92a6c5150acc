package dev.ebayalerts.alerts.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.alerts.support.TestAlerts;
import dev.ebayalerts.pubsub.links.UnsubscribeLinks;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The unsubscribe link: opening it asks, confirming (or a one-click POST) pauses the alert. */
@IntegrationTest
class UnsubscribeTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired UnsubscribeLinks links;

  @Test
  void openingTheLinkAsksAndLeavesTheAlertActive() {
    UUID alertId = alert(recipient("open"), "open link");
    String token = links.tokenFor(alertId);

    String page = get("/unsubscribe/" + token, 200);

    assertThat(page)
        .contains("Stop emails for this alert?", "<form method=\"post\"")
        .contains("action=\"/unsubscribe/" + token + "\"");
    assertThat(active(alertId)).isEqualTo(true);
  }

  @Test
  void confirmingPausesTheAlert() {
    UUID alertId = alert(recipient("confirm"), "confirm link");

    String page = post("/unsubscribe/" + links.tokenFor(alertId), "", 200);

    assertThat(page).contains("Alert paused");
    assertThat(active(alertId)).isEqualTo(false);
    // Again, e.g. a second click: still fine, still paused.
    assertThat(post("/unsubscribe/" + links.tokenFor(alertId), "", 200)).contains("Alert paused");
  }

  @Test
  void oneClickUnsubscribePausesTheAlert() {
    UUID alertId = alert(recipient("oneclick"), "one click");

    post("/unsubscribe/" + links.tokenFor(alertId), "List-Unsubscribe=One-Click", 200);

    assertThat(active(alertId)).isEqualTo(false);
  }

  @Test
  void forgedOrMangledTokensGetNotFound() {
    UUID alertId = alert(recipient("forged"), "forged link");
    String token = links.tokenFor(alertId);
    String forged =
        token.substring(0, 40) + (token.charAt(40) == 'A' ? 'B' : 'A') + token.substring(41);

    for (String path :
        new String[] {
          "/unsubscribe/" + forged, "/unsubscribe/" + alertId, "/unsubscribe/%21%21%21"
        }) {
      assertThat(get(path, 404)).contains("Link not valid");
      assertThat(post(path, "List-Unsubscribe=One-Click", 404)).contains("Link not valid");
    }
    assertThat(active(alertId)).isEqualTo(true);
  }

  @Test
  void linkOfADeletedAlertSaysSo() {
    String page = post("/unsubscribe/" + links.tokenFor(UUID.randomUUID()), "", 200);

    assertThat(page).contains("Alert deleted");
  }

  private String get(String path, int status) {
    return http.get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private String post(String path, String form, int status) {
    return http.post()
        .uri(path)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static String recipient(String test) {
    return test + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  /** An active alert of a confirmed address, created through the API. */
  private UUID alert(String email, String phrase) {
    RestTestClient owner = Sessions.signedIn(http, signInLinks, email);
    return UUID.fromString(TestAlerts.create(owner, email, phrase).get("id").toString());
  }

  private boolean active(UUID alertId) {
    return jdbc.sql("select active from alert where id = ?")
        .param(alertId)
        .query(Boolean.class)
        .single();
  }
}
