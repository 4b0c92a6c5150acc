package dev.ebayalerts.alerts.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ebayalerts.alerts.support.ChannelStub.awaitRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.fetch.FetchRuns;
import dev.ebayalerts.alerts.support.ChannelStub;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discord, Slack and Telegram each get a price drop in the request shape their documentation gives:
 * matched field by field on a WireMock receiver.
 */
@IntegrationTest
class ChannelFormatsTests {

  static final String OWNER = "formats@example.com";
  static final String TELEGRAM = "/telegram/bot" + ChannelStub.TELEGRAM_TOKEN;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  @BeforeEach
  void signIn() {
    http = Sessions.signedIn(http, signInLinks, OWNER);
    jdbc.sql("delete from alert where email = ?").param(OWNER).update();
    // the owner linked this chat through the bot (TelegramLinkTests shows how)
    jdbc.sql(
            "insert into telegram_chat (email, chat_id, linked_at) values (?, '-100777', now())"
                + " on conflict do nothing")
        .param(OWNER)
        .update();
    ChannelStub.server()
        .stubFor(post(urlPathEqualTo(TELEGRAM + "/sendMessage")).willReturn(telegramOk()));
    ChannelStub.server()
        .stubFor(post(urlPathEqualTo(TELEGRAM + "/sendPhoto")).willReturn(telegramOk()));
  }

  @Test
  void discordGetsAnEmbedPerListingWithOldAndNewPriceAndThumbnail() {
    String path = "/discord/api/webhooks/1/token";
    ChannelStub.server()
        .stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
    priceDrop(
        "formats discord",
        "dc1",
        "Discord lens",
        "{\"type\":\"DISCORD\",\"url\":\"%s\"}".formatted(ChannelStub.url(path)));

    awaitRequest(
        postRequestedFor(urlPathEqualTo(path))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                matchingJsonPath("$.content", equalTo("1 price drop for \"formats discord\"")))
            .withRequestBody(matchingJsonPath("$.embeds[0].title", equalTo("Discord lens")))
            .withRequestBody(
                matchingJsonPath("$.embeds[0].url", equalTo("https://www.ebay.com/itm/dc1")))
            .withRequestBody(
                matchingJsonPath(
                    "$.embeds[0].description",
                    matching(
                        "\\$100\\.00 → \\$80\\.00 · \\+ shipping \\(not stated\\)\n"
                            + "\\[Not interested\\? Mute…\\]\\(http://localhost:8080/mute\\?token=[^)]+\\)")))
            .withRequestBody(
                matchingJsonPath(
                    "$.embeds[0].thumbnail.url",
                    equalTo("https://i.ebayimg.com/images/g/dc1/s-l225.jpg")))
            .withRequestBody(matchingJsonPath("$.embeds[0].fields[0].name", equalTo("Price")))
            .withRequestBody(matchingJsonPath("$.embeds[0].fields[0].value", equalTo("$80.00")))
            .withRequestBody(matchingJsonPath("$.embeds[0].fields[1].name", equalTo("Was")))
            .withRequestBody(matchingJsonPath("$.embeds[0].fields[1].value", equalTo("$100.00")))
            .withRequestBody(
                matchingJsonPath("$.allowed_mentions", equalToJson("{\"parse\":[]}"))));
  }

  @Test
  void slackGetsASectionBlockPerListingWithLinkPricesAndImage() {
    String path = "/slack/services/T0/B0/x";
    ChannelStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withBody("ok")));
    priceDrop(
        "formats slack",
        "sl1",
        "Slack lens",
        "{\"type\":\"SLACK\",\"url\":\"%s\"}".formatted(ChannelStub.url(path)));

    awaitRequest(
        postRequestedFor(urlPathEqualTo(path))
            .withRequestBody(
                matchingJsonPath("$.text", equalTo("1 price drop for \"formats slack\"")))
            .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("section")))
            .withRequestBody(matchingJsonPath("$.blocks[1].type", equalTo("section")))
            .withRequestBody(matchingJsonPath("$.blocks[1].text.type", equalTo("mrkdwn")))
            .withRequestBody(
                matchingJsonPath(
                    "$.blocks[1].text.text",
                    matching(
                        "\\*<https://www\\.ebay\\.com/itm/sl1\\|Slack lens>\\*\n~\\$100\\.00~ → "
                            + "\\*\\$80\\.00\\*\n\\+ shipping \\(not stated\\)\n"
                            + "<http://localhost:8080/mute\\?token=[^|]+\\|Not interested\\? Mute…>")))
            .withRequestBody(matchingJsonPath("$.blocks[1].accessory.type", equalTo("image")))
            .withRequestBody(
                matchingJsonPath(
                    "$.blocks[1].accessory.image_url",
                    equalTo("https://i.ebayimg.com/images/g/sl1/s-l225.jpg")))
            .withRequestBody(
                matchingJsonPath("$.blocks[1].accessory.alt_text", equalTo("Slack lens"))));
  }

  @Test
  void telegramGetsSendMessageForSeveralListingsAndSendPhotoForOne() {
    String phrase = "formats telegram";
    EbayStub.listings(
        phrase,
        Item.of("tg1", "Telegram lens", "100.00", "s"),
        Item.of("tg2", "Telegram <cap> & strap", "20.00", "s"));
    String id = create(phrase, "{\"type\":\"TELEGRAM\",\"chatId\":\"-100777\"}");
    FetchRuns.runNow(context, id);

    awaitRequest(
        postRequestedFor(urlPathEqualTo(TELEGRAM + "/sendMessage"))
            .withRequestBody(matchingJsonPath("$.chat_id", equalTo("-100777")))
            .withRequestBody(matchingJsonPath("$.parse_mode", equalTo("HTML")))
            .withRequestBody(
                matchingJsonPath("$.link_preview_options.is_disabled", equalTo("true")))
            .withRequestBody(
                matchingJsonPath(
                    "$.text",
                    containing(
                        "<a href=\"https://www.ebay.com/itm/tg1\">Telegram lens</a>\n$100.00")))
            .withRequestBody(
                matchingJsonPath("$.text", containing("Telegram &lt;cap&gt; &amp; strap")))
            .withRequestBody(
                matchingJsonPath("$.text", containing("\">Not interested? Mute…</a>"))));

    EbayStub.listings(phrase, Item.of("tg1", "Telegram lens", "80.00", "s"));
    FetchRuns.runNow(context, id);

    awaitRequest(
        postRequestedFor(urlPathEqualTo(TELEGRAM + "/sendPhoto"))
            .withRequestBody(matchingJsonPath("$.chat_id", equalTo("-100777")))
            .withRequestBody(
                matchingJsonPath(
                    "$.photo", equalTo("https://i.ebayimg.com/images/g/tg1/s-l225.jpg")))
            .withRequestBody(matchingJsonPath("$.parse_mode", equalTo("HTML")))
            .withRequestBody(
                matchingJsonPath(
                    "$.caption",
                    containing(
                        "<a href=\"https://www.ebay.com/itm/tg1\">Telegram lens</a>\n"
                            + "$100.00 → $80.00"))));
  }

  @Test
  void aNoticeSplitAcrossSeveralMessagesArrivesInItsOwnOrder() {
    // A channel takes its messages oldest first; the parts of one notice are written together,
    // so only their stored order tells which goes first. Five parts: a random order passes by
    // luck once in 120 runs.
    String path = "/discord/api/webhooks/2/parts";
    ChannelStub.server()
        .stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
    String phrase = "formats parts";
    EbayStub.listings(phrase, Item.of("pt0", "Parts seed", "10.00", "s"));
    String id =
        create(phrase, "{\"type\":\"DISCORD\",\"url\":\"%s\"}".formatted(ChannelStub.url(path)));
    FetchRuns.runNow(context, id);
    awaitRequests(path, 1);
    Item[] fifty = new Item[50];
    for (int i = 0; i < fifty.length; i++) {
      fifty[i] = Item.of("pt" + (i + 1), "Parts lot " + (i + 1), (20 + i) + ".00", "s");
    }
    EbayStub.listings(phrase, fifty);
    FetchRuns.runNow(context, id);

    List<LoggedRequest> parts = awaitRequests(path, 6).subList(1, 6);
    List<String> sent = new ArrayList<>();
    for (LoggedRequest part : parts) {
      JsonNode embeds = JSON.readTree(part.getBodyAsString()).path("embeds");
      embeds.forEach(embed -> sent.add(embed.path("title").asString()));
    }
    List<String> told =
        jdbc.sql(
                "select l ->> 'title' from notice n,"
                    + " jsonb_array_elements(cast(n.payload as jsonb) -> 'listings')"
                    + " with ordinality as t(l, i)"
                    + " where n.alert_id = ?::uuid"
                    + " and n.created_at = (select max(created_at) from notice where alert_id = ?::uuid)"
                    + " order by t.i")
            .params(id, id)
            .query(String.class)
            .list();
    assertThat(told).hasSize(50);
    assertThat(sent).containsExactlyElementsOf(told);
  }

  /** A first run at 100, then a run where the listing costs 80: the second notice is a drop. */
  private void priceDrop(String phrase, String itemId, String title, String channel) {
    EbayStub.listings(phrase, Item.of(itemId, title, "100.00", "s"));
    String id = create(phrase, channel);
    FetchRuns.runNow(context, id);
    EbayStub.listings(phrase, Item.of(itemId, title, "80.00", "s"));
    FetchRuns.runNow(context, id);
  }

  private static void awaitRequest(RequestPatternBuilder pattern) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> ChannelStub.server().verify(1, pattern));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder telegramOk() {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ok\":true,\"result\":{\"message_id\":1}}");
  }

  private String create(String phrase, String channel) {
    return http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"email\":\"%s\",\"searchPhrase\":\"%s\",\"frequencyMinutes\":10,\"channels\":[%s]}"
                .formatted(OWNER, phrase, channel))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
  }
}
