package dev.ebayalerts.alerts.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.ChannelStub;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A Telegram chat becomes a channel only after its owner links it through the bot with a one-time
 * code: before, anyone could make the operator's bot post into any chat it was in by typing its id.
 */
@IntegrationTest
class TelegramLinkTests {

  static final String BOT = "/telegram/bot" + ChannelStub.TELEGRAM_TOKEN;

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired TelegramBot bot;

  @Test
  void aChatIsLinkedBySendingTheBotTheOwnersCodeAndOnlyThenBecomesAChannel() {
    String owner = address("owner");
    RestTestClient client = Sessions.signedIn(http, signInLinks, owner);
    String chat = String.valueOf(-1_000_000_000L - (long) (Math.random() * 1_000_000));

    create(client, owner, chat)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("channels[0].chatId")
        .jsonPath("$.errors[0].message")
        .value(String.class, m -> assertThat(m).contains("not a chat linked to this address"));

    Map<?, ?> code =
        client
            .post()
            .uri("/api/telegram/link-codes")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat((String) code.get("command")).isEqualTo("/start " + code.get("code"));
    updates(chat, "/start " + code.get("code"));

    assertThat(bot.poll()).isEqualTo(1);

    ChannelStub.server()
        .verify(
            postRequestedFor(urlPathEqualTo(BOT + "/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .withRequestBody(
                    matchingJsonPath(
                        "$.text",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("Linked"))));
    client
        .get()
        .uri("/api/telegram/chats")
        .exchange()
        .expectBody()
        .jsonPath("$.chatIds[0]")
        .isEqualTo(chat);
    create(client, owner, chat).expectStatus().isCreated();
  }

  @Test
  void aCodeWorksOnceAndOnlyForTheAddressItWasMadeFor() {
    String owner = address("once");
    String stranger = address("stranger");
    RestTestClient client = Sessions.signedIn(http, signInLinks, owner);
    String chat = String.valueOf(-2_000_000_000L - (long) (Math.random() * 1_000_000));
    String code =
        (String)
            client
                .post()
                .uri("/api/telegram/link-codes")
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("code");

    updates(chat, "/start " + code);
    assertThat(bot.poll()).isEqualTo(1);
    updates("-42", "/start " + code); // the same code again, from another chat
    assertThat(bot.poll()).isZero();

    create(Sessions.signedIn(http, signInLinks, stranger), stranger, chat)
        .expectStatus()
        .isBadRequest();
  }

  /** The bot's next getUpdates answers one message. */
  private void updates(String chatId, String text) {
    long updateId = System.nanoTime() & 0xffffffL;
    ChannelStub.server()
        .stubFor(
            post(urlPathEqualTo(BOT + "/getUpdates"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
                            {"ok":true,"result":[{"update_id":%d,"message":{"message_id":1,
                             "chat":{"id":%s,"type":"group"},"text":"%s"}}]}"""
                                .formatted(updateId, chatId, text))));
    ChannelStub.server()
        .stubFor(
            post(urlPathEqualTo(BOT + "/sendMessage"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{}}")));
    // getUpdates starts after what was read: let the next read see this update
    jdbc.sql("update telegram_updates set next_offset = 0 where id = 1").update();
  }

  private static RestTestClient.ResponseSpec create(
      RestTestClient client, String owner, String chat) {
    return client
        .post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"email\":\"%s\",\"searchPhrase\":\"telegram link\",\"frequencyMinutes\":10,"
                    .formatted(owner)
                + "\"channels\":[{\"type\":\"TELEGRAM\",\"chatId\":\"%s\"}]}".formatted(chat))
        .exchange();
  }

  private static String address(String test) {
    return "telegram-" + test + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
