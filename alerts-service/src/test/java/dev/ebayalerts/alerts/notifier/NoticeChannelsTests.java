package dev.ebayalerts.alerts.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
 * Channels through the notice outbox against a WireMock receiver: signed webhooks, retries that
 * deliver exactly once, and channels disabled after failing in a row.
 */
@IntegrationTest
class NoticeChannelsTests {

  static final String OWNER = "channels@example.com";

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;
  @Autowired NoticeSender sender;

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
            + ChannelMessages.sign(
                secret, request.getHeader("X-Timestamp") + "." + request.getBodyAsString());
    assertThat(request.getHeader("X-Signature")).isEqualTo(expected);
    assertThat(request.getBodyAsString()).contains(request.getHeader("X-Notice-Id"));
    // email stays a channel of its own
    assertThat(count("select count(*) from alert_email where alert_id = ?::uuid", id)).isEqualTo(1);
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
    sender.sendDue(); // nothing is left to send again
    List<LoggedRequest> requests = requests(path);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getHeader("X-Notice-Id"))
        .isEqualTo(requests.get(1).getHeader("X-Notice-Id"));
    assertThat(requests.get(0).getBodyAsString()).isEqualTo(requests.get(1).getBodyAsString());
    assertThat(notice(id).get("attempts")).isEqualTo(2);
  }

  @Test
  void aChannelFailingRepeatedlyIsDisabledWithAReasonAndReEnablingItDeliversWhatWaited() {
    String path = "/hooks/gone";
    ChannelStub.server()
        .stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(404)));
    EbayStub.listings("channels gone", Item.of("g1", "Gone clock", "10.00", "s"));
    String id = webhookAlert("channels gone", path);

    FetchRuns.runNow(context, id);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from alert_channel where alert_id = ?::uuid"
                            + " and not enabled",
                        id)
                    == 1);
    assertThat(requests(path)).hasSize(3);
    http.get()
        .uri("/api/alerts/{id}", id)
        .exchange()
        .expectBody()
        .jsonPath("$.channels[0].enabled")
        .isEqualTo(false)
        .jsonPath("$.channels[0].disabledReason")
        .value(
            String.class,
            reason -> assertThat(reason).contains("3 failed deliveries in a row", "HTTP 404"))
        .jsonPath("$.status.channelError")
        .value(String.class, error -> assertThat(error).startsWith("WEBHOOK: Disabled after 3"));
    assertThat(notice(id).get("status")).isEqualTo("PENDING");

    ChannelStub.server()
        .stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"channels\":[{\"type\":\"WEBHOOK\",\"url\":\"%s\"}]}"
                .formatted(ChannelStub.url(path)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.channels[0].enabled")
        .isEqualTo(true)
        .jsonPath("$.status.channelError")
        .isEmpty();
    await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(notice(id).get("status")));
    assertThat(requests(path)).hasSize(4);
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

    assertThat(count("select count(*) from alert_email where alert_id = ?::uuid", id)).isEqualTo(1);
    assertThat(count("select count(*) from notice where alert_id = ?::uuid", id)).isZero();
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

  private List<LoggedRequest> awaitRequests(String path, int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> requests(path).size() >= count);
    return requests(path);
  }

  static List<LoggedRequest> requests(String path) {
    return ChannelStub.server().findAll(postRequestedFor(urlPathEqualTo(path)));
  }

  private Map<String, Object> notice(String alertId) {
    return jdbc.sql("select * from notice where alert_id = ?::uuid")
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
