package dev.ebayalerts.alerts.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ebayalerts.alerts.support.ChannelStub.awaitRequests;
import static dev.ebayalerts.alerts.support.ChannelStub.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.fetch.FetchRuns;
import dev.ebayalerts.alerts.support.ChannelStub;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.alerts.support.TestDns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Channels through the delivery outbox against a WireMock receiver: signed webhooks, retries that
 * deliver exactly once, deliveries parked after failing and sent once the channel works again, and
 * URLs that lead into this service's own network refused.
 */
@IntegrationTest
class NoticeChannelsTests {

  static final String OWNER = "channels@example.com";

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;
  @Autowired DeliverySender sender;

  @BeforeEach
  void signIn() {
    http = Sessions.signedIn(http, signInLinks, OWNER);
    jdbc.sql("delete from alert where email = ?").param(OWNER).update();
  }

  @Test
  void aWebhookGetsSignedJsonAndItsSecretIsShownOnlyAtCreation() {
    String path = "/hooks/signed";
    ChannelStub.server()
        .stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
    EbayStub.listings("channels webhook", Item.of("w1", "Webhook lamp", "42.50", "s"));
    Map<?, ?> created =
        create(
            "channels webhook",
            "[{\"type\":\"EMAIL\"},{\"type\":\"WEBHOOK\",\"url\":\"%s\"}]"
                .formatted(ChannelStub.url(path)));
    String id = (String) created.get("id");
    List<?> channels = (List<?>) created.get("channels");
    String secret = (String) ((Map<?, ?>) channels.get(1)).get("secret");
    assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
    assertThat(((Map<?, ?>) channels.get(0)).get("secret")).isNull();
    http.get()
        .uri("/api/alerts/{id}", id)
        .exchange()
        .expectBody()
        .jsonPath("$.channels[1].type")
        .isEqualTo("WEBHOOK")
        .jsonPath("$.channels[1].secret")
        .isEmpty();

    FetchRuns.runNow(context, id);

    LoggedRequest request = awaitRequests(path, 1).get(0);
    ChannelStub.server()
        .verify(
            postRequestedFor(urlPathEqualTo(path))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Timestamp", matching("\\d{10}"))
                .withHeader("X-Signature", matching("sha256=[0-9a-f]{64}"))
                .withRequestBody(matchingJsonPath("$.alert.id", equalTo(id)))
                .withRequestBody(
                    matchingJsonPath("$.alert.searchPhrase", equalTo("channels webhook")))
                .withRequestBody(matchingJsonPath("$.first", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.listings[0].itemId", equalTo("v1|w1|0")))
                .withRequestBody(matchingJsonPath("$.listings[0].title", equalTo("Webhook lamp")))
                .withRequestBody(matchingJsonPath("$.listings[0].price", equalTo("42.5")))
                .withRequestBody(
                    matchingJsonPath("$.listings[0].reasons[0]", equalTo("NEW_LISTING"))));
    String expected =
        "sha256="
            + WebhookChannel.sign(
                secret, request.getHeader("X-Timestamp") + "." + request.getBodyAsString());
    assertThat(request.getHeader("X-Signature")).isEqualTo(expected);
    assertThat(request.getBodyAsString()).contains(request.getHeader("X-Notice-Id"));
    // email stays a channel of its own
    assertThat(count(EMAILS, id)).isEqualTo(1);
  }

  @Test
  void aChannelThatIsDownAndThenUpGetsTheNoticeExactlyOnce() {
    String path = "/hooks/flaky";
    ChannelStub.server()
        .stubFor(
            post(urlPathEqualTo(path))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
    ChannelStub.server()
        .stubFor(
            post(urlPathEqualTo(path))
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
    EbayStub.listings("channels flaky", Item.of("f1", "Flaky kettle", "10.00", "s"));
    String id = webhookAlert("channels flaky", path);

    FetchRuns.runNow(context, id);

    await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(notice(id).get("status")));
    sender.sendDue(false); // nothing is left to send again
    List<LoggedRequest> requests = requests(path);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getHeader("X-Notice-Id"))
        .isEqualTo(requests.get(1).getHeader("X-Notice-Id"));
    assertThat(requests.get(0).getBodyAsString()).isEqualTo(requests.get(1).getBodyAsString());
    assertThat(notice(id).get("attempts")).isEqualTo(2);
  }

  @Test
  void aChannelFailingRepeatedlyIsParkedAndReEnablingItDeliversWhatWaitedOnce() {
    String path = "/hooks/down";
    ChannelStub.server()
        .stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
    EbayStub.listings("channels down", Item.of("g1", "Down clock", "10.00", "s"));
    String id = webhookAlert("channels down", path);

    FetchRuns.runNow(context, id);

    await().atMost(Duration.ofSeconds(30)).until(() -> "PARKED".equals(notice(id).get("status")));
    assertThat(requests(path)).hasSize(3);
    assertThat(notice(id).get("attempts")).isEqualTo(3);
    http.get()
        .uri("/api/alerts/{id}", id)
        .exchange()
        .expectBody()
        .jsonPath("$.channels[0].enabled")
        .isEqualTo(true)
        .jsonPath("$.channels[0].deliveryError")
        .isEqualTo(
            "Not delivered: HTTP 5xx (3 failed attempts in a row). 1 message waits and is"
                + " retried every hour until it works.")
        .jsonPath("$.status.channelError")
        .value(String.class, error -> assertThat(error).startsWith("WEBHOOK: Not delivered"));

    // The endpoint is fixed; its owner pauses the channel and enables it again.
    ChannelStub.server()
        .stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    patchChannel(path, false);
    patchChannel(path, true);

    await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(notice(id).get("status")));
    sender.sendDue(false);
    assertThat(requests(path)).hasSize(4);
    http.get()
        .uri("/api/alerts/{id}", id)
        .exchange()
        .expectBody()
        .jsonPath("$.channels[0].deliveryError")
        .isEmpty()
        .jsonPath("$.status.channelError")
        .isEmpty();
  }

  @Test
  void channelUrlsIntoThisServicesOwnNetworkAreRefusedNamingTheField() throws Exception {
    String[] urls = {
      "http://127.0.0.1/hook",
      "https://10.0.0.5/hook",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]/hook",
      "http://redis/hook",
      "https://hooks.example.com:6379/hook"
    };
    StringBuilder channels = new StringBuilder("[");
    for (int i = 0; i < urls.length; i++) {
      channels
          .append(i == 0 ? "" : ",")
          .append("{\"type\":\"WEBHOOK\",\"url\":\"%s\"}".formatted(urls[i]));
    }
    channels.append("]");
    http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body("channels internal", channels.toString()))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(
            List.of(
                "channels[0].url",
                "channels[1].url",
                "channels[2].url",
                "channels[3].url",
                "channels[4].url",
                "channels[5].url"))
        .jsonPath("$.errors[*].message")
        .isEqualTo(
            List.of(
                "refused: loopback address",
                "refused: private address",
                "refused: metadata address",
                "refused: loopback address",
                "refused: not a public host name",
                "refused: only the default port is allowed"));
  }

  /**
   * A name that answers DNS with a private address is refused when the channel is saved; one that
   * answered with a public address then and with a loopback one by the time of sending (DNS
   * rebinding) is refused when sending, and nothing reaches the loopback address.
   */
  @Test
  void aHostNameResolvingToAPrivateAddressIsRefusedWhenSavedAndWhenSent() {
    TestDns.answer("intranet.dns.test", "10.0.0.5");
    http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            body(
                "channels private name",
                "[{\"type\":\"SLACK\",\"url\":\"https://intranet.dns.test/services/x\"}]"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("channels[0].url")
        .jsonPath("$.errors[0].message")
        .isEqualTo("refused: private address");

    TestDns.answer("rebinding.dns.test", "93.184.215.14");
    EbayStub.listings("channels rebinding", Item.of("r1", "Rebound lamp", "10.00", "s"));
    String id =
        (String)
            create(
                    "channels rebinding",
                    "[{\"type\":\"WEBHOOK\",\"url\":\"http://rebinding.dns.test/hook\"}]")
                .get("id");
    TestDns.answer("rebinding.dns.test", "127.0.0.1");

    FetchRuns.runNow(context, id);

    // Refused before connecting (without the guard it would be "could not connect"), and parked
    // at once: retrying soon would not change the answer.
    await().atMost(Duration.ofSeconds(20)).until(() -> "PARKED".equals(notice(id).get("status")));
    assertThat(notice(id).get("attempts")).isEqualTo(1);
    assertThat(
            jdbc.sql("select last_error from alert_channel where alert_id = ?::uuid")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("refused: loopback address");
  }

  private void patchChannel(String path, boolean enabled) {
    http.patch()
        .uri("/api/alerts/{id}", webhookAlertId(path))
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"channels\":[{\"type\":\"WEBHOOK\",\"url\":\"%s\",\"enabled\":%s}]}"
                .formatted(ChannelStub.url(path), enabled))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private String webhookAlertId(String path) {
    return jdbc.sql("select alert_id::text from alert_channel where target = ?")
        .param(ChannelStub.url(path))
        .query(String.class)
        .single();
  }

  @Test
  void aChannelPausedByItsOwnerGetsNothingQueued() {
    EbayStub.listings("channels paused", Item.of("p1", "Paused fan", "10.00", "s"));
    String id =
        (String)
            create(
                    "channels paused",
                    "[{\"type\":\"EMAIL\"},{\"type\":\"WEBHOOK\",\"url\":\"%s\",\"enabled\":false}]"
                        .formatted(ChannelStub.url("/hooks/paused")))
                .get("id");

    FetchRuns.runNow(context, id);

    assertThat(count(EMAILS, id)).isEqualTo(1);
    assertThat(count(EMAILS.replace("= 'EMAIL'", "<> 'EMAIL'"), id)).isZero();
  }

  @Test
  void invalidChannelsAreRefusedNamingTheField() {
    http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            body(
                "channels invalid",
                "[{\"type\":\"WEBHOOK\"},{\"type\":\"TELEGRAM\",\"chatId\":\"not a chat\"},"
                    + "{\"type\":\"SLACK\",\"url\":\"ftp://x\"}]"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("channels[0].url", "channels[1].chatId", "channels[2].url"));
    http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body("channels twice", "[{\"type\":\"EMAIL\"},{\"type\":\"EMAIL\"}]"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("channels[1]");
  }

  @Test
  void anAlertWithoutChannelsEmailsAndKeepsItsChannelsWhenPatched() {
    Map<?, ?> created = create("channels default", null);
    String id = (String) created.get("id");
    assertThat((List<?>) created.get("channels"))
        .singleElement()
        .satisfies(c -> assertThat(((Map<?, ?>) c).get("type")).isEqualTo("EMAIL"));
    http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"frequencyMinutes\":30}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.channels.length()")
        .isEqualTo(1)
        .jsonPath("$.channels[0].type")
        .isEqualTo("EMAIL");
  }

  private String webhookAlert(String phrase, String path) {
    return (String)
        create(phrase, "[{\"type\":\"WEBHOOK\",\"url\":\"%s\"}]".formatted(ChannelStub.url(path)))
            .get("id");
  }

  /** The alert's deliveries to its email channel. */
  static final String EMAILS =
      "select count(*) from delivery d join alert_channel c on c.id = d.channel_id"
          + " where d.alert_id = ?::uuid and c.type = 'EMAIL'";

  /** The alert's only delivery to a channel other than email. */
  private Map<String, Object> notice(String alertId) {
    return jdbc.sql(
            "select d.* from delivery d join alert_channel c on c.id = d.channel_id"
                + " where d.alert_id = ?::uuid and c.type <> 'EMAIL'")
        .param(alertId)
        .query()
        .singleRow();
  }

  private int count(String sql, String id) {
    return jdbc.sql(sql).param(id).query(Integer.class).single();
  }

  private Map<?, ?> create(String phrase, String channels) {
    return http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body(phrase, channels))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  static String body(String phrase, String channels) {
    return "{\"email\":\"%s\",\"searchPhrase\":\"%s\",\"frequencyMinutes\":10%s}"
        .formatted(OWNER, phrase, channels == null ? "" : ",\"channels\":" + channels);
  }
}
