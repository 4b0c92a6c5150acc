package dev.ebayalerts.alerts.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.ManageLinks;
import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.fetch.FetchRuns;
import dev.ebayalerts.alerts.support.ChannelStub;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.alerts.support.TestAlerts;
import dev.ebayalerts.testing.Smtp;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Consent per alert: an alert created without a session never starts, for any address, until the
 * address's owner starts it from the email that shows it; the answer tells a stranger nothing.
 */
@IntegrationTest
class ConsentTests {

  private static final Pattern START_LINK = Pattern.compile("https?://\\S+/start\\?token=(\\S+)");

  @Autowired RestTestClient http;
  @Autowired JdbcClient jdbc;
  @Autowired SignInLinks signInLinks;
  @Autowired ApplicationContext context;
  @Autowired ManageLinks links;

  @Test
  void anAlertCreatedWithoutASessionRunsOnlyOnceItsOwnerStartsIt() throws Exception {
    String to = address("start");
    EbayStub.listings("consent camera", Item.of("c501", "Consent camera", "99.00", "seller"));

    anonymousCreate(to, "consent camera", "").expectStatus().isAccepted();
    String id = alertOf(to);

    MimeMessage request = onlyMessageTo(to);
    assertThat(request.getSubject()).isEqualTo("Start your eBay alert for \"consent camera\"?");
    String text = request.getContent().toString();
    assertThat(text)
        .contains("Search: \"consent camera\"", "Checked every 10 minutes", "EMAIL (" + to + ")")
        .contains("If this was not you, ignore this email");
    assertThat(state(to, id)).isEqualTo("PENDING");

    FetchRuns.runNow(context, id);
    assertThat(hasRun(id)).isFalse();

    Matcher link = START_LINK.matcher(text);
    assertThat(link.find()).isTrue();
    // Opening the link (as a mail scanner would) only shows a button; the button starts it.
    http.get()
        .uri("/start?token={token}", link.group(1))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("<form method=\"post\" action=\"/start\""));
    FetchRuns.runNow(context, id);
    assertThat(hasRun(id)).isFalse();

    start(link.group(1))
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            page ->
                assertThat(page)
                    .contains("Alert started", "consent camera")
                    .as("the next step: the dashboard")
                    .contains("<a href=\"" + links.dashboardUrl() + "\">Open the dashboard</a>"));

    assertThat(state(to, id)).isEqualTo("ACTIVE"); // starting confirmed the address too
    FetchRuns.runNow(context, id);
    assertThat(hasRun(id)).isTrue();
    assertThat(deliveries(id)).isEqualTo(1);
  }

  /**
   * Before, an address that had confirmed once got an ACTIVE alert that emailed at once, and the
   * answer (201 with ACTIVE or UNCONFIRMED) told which addresses are users.
   */
  @Test
  void aConfirmedAddressIsAskedTooAndTheAnswerIsTheSameForEveryAddress() throws Exception {
    String user = address("user");
    Sessions.signedIn(http, signInLinks, user); // signing in confirmed the address
    String stranger = address("stranger");
    EbayStub.listings("consent bypass", Item.of("c502", "Bypass lamp", "10.00", "seller"));

    String forUser =
        anonymousCreate(user, "consent bypass", "")
            .expectStatus()
            .isAccepted()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    String forStranger =
        anonymousCreate(stranger, "consent bypass", "")
            .expectStatus()
            .isAccepted()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(forUser).isEqualTo(forStranger).contains("Check your inbox").doesNotContain(user);
    String id = alertOf(user);
    assertThat(state(user, id)).isEqualTo("PENDING");
    FetchRuns.runNow(context, id);
    assertThat(deliveries(id)).isZero();
    assertThat(onlyMessageTo(user).getSubject()).startsWith("Start your eBay alert");
  }

  @Test
  void aSignedInOwnersAlertStartsAtOnce() {
    String owner = address("owner");
    Map<?, ?> created =
        TestAlerts.create(Sessions.signedIn(http, signInLinks, owner), owner, "consent owner");

    assertThat(((Map<?, ?>) created.get("status")).get("state")).isEqualTo("ACTIVE");
    assertThat(Smtp.forTests().receivedBy(owner)).isEmpty();
  }

  @Test
  void aWebhookSecretIsShownOnceOnThePageThatStartsTheAlert() throws Exception {
    String to = address("secret");
    String url = ChannelStub.url("/hooks/consent-" + UUID.randomUUID());
    anonymousCreate(
            to, "consent webhook", ",\"channels\":[{\"type\":\"WEBHOOK\",\"url\":\"" + url + "\"}]")
        .expectStatus()
        .isAccepted();
    String text = onlyMessageTo(to).getContent().toString();
    assertThat(text).contains("WEBHOOK " + url);
    Matcher link = START_LINK.matcher(text);
    assertThat(link.find()).isTrue();

    String page =
        start(link.group(1))
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    String secret =
        jdbc.sql("select secret from alert_channel where target = ?")
            .param(url)
            .query(String.class)
            .single();
    assertThat(page).contains("Signing secret of the webhook", secret);
    // Started once; a second click shows the alert without the secret.
    assertThat(start(link.group(1)).expectBody(String.class).returnResult().getResponseBody())
        .contains("Alert started")
        .doesNotContain(secret);
  }

  @Test
  void aSignedInOwnerStartsAPendingAlertByChangingIt() {
    String to = address("patch");
    anonymousCreate(to, "consent patch", "").expectStatus().isAccepted();
    String id = alertOf(to);

    Sessions.signedIn(http, signInLinks, to)
        .patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.valueOf("application/merge-patch+json"))
        .body("{\"frequencyMinutes\":30}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status.state")
        .isEqualTo("ACTIVE");
  }

  @Test
  void forgedOrTamperedStartLinksAreRefused() {
    http.get().uri("/start?token=forged.token").exchange().expectStatus().isBadRequest();
    http.get().uri("/start").exchange().expectStatus().isBadRequest();
    start("forged.token").expectStatus().isBadRequest();
  }

  private RestTestClient.ResponseSpec anonymousCreate(String email, String phrase, String more) {
    return TestAlerts.post(http, email, phrase, more);
  }

  private RestTestClient.ResponseSpec start(String token) {
    return http.post()
        .uri("/start")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
        .exchange();
  }

  private String state(String owner, String id) {
    return Sessions.signedIn(http, signInLinks, owner)
                .get()
                .uri("/api/alerts/{id}", id)
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("status")
            instanceof Map<?, ?> status
        ? (String) status.get("state")
        : null;
  }

  private static MimeMessage onlyMessageTo(String to) {
    List<MimeMessage> received = Smtp.forTests().receivedBy(to);
    assertThat(received).hasSize(1);
    return received.get(0);
  }

  private String alertOf(String email) {
    return jdbc.sql("select id::text from alert where email = ?")
        .param(email)
        .query(String.class)
        .single();
  }

  private long deliveries(String id) {
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

  private static String address(String test) {
    return "consent-" + test + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
