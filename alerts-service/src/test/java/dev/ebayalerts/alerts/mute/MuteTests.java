package dev.ebayalerts.alerts.mute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.fetch.FetchRuns;
import dev.ebayalerts.alerts.support.ChannelStub;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.alerts.support.TestAlerts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

/** One-click feedback: mutes through the API and the links in notices, and what they silence. */
@IntegrationTest
class MuteTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;
  @Autowired MuteLinks links;

  RestTestClient jane;

  @BeforeEach
  void signInAsJane() {
    jane = Sessions.signedIn(http, signInLinks, "jane@example.com");
    jdbc.sql("delete from mute").update();
  }

  @Test
  void aSellerMutedForAllAlertsNeverReachesAnyChannelOrTheFeedAgain() {
    EbayStub.listings(
        "mute across lens",
        Item.of("m1", "Lens one", "100", "spammy_seller"),
        Item.of("m2", "Lens two", "100", "good_seller"));
    String id =
        TestAlerts.create(
                jane,
                "jane@example.com",
                "mute across lens",
                ",\"channels\":[{\"type\":\"EMAIL\"},{\"type\":\"WEBHOOK\",\"url\":\""
                    + ChannelStub.url("/mute-hook")
                    + "\"}]")
            .get("id")
            .toString();
    FetchRuns.runNow(context, id);

    mute(null, "SELLER", "Spammy_Seller").expectStatus().isCreated();
    EbayStub.listings(
        "mute across lens",
        Item.of("m1", "Lens one", "100", "spammy_seller"),
        Item.of("m2", "Lens two", "100", "good_seller"),
        Item.of("m3", "Lens three", "90", "spammy_seller"),
        Item.of("m4", "Lens four", "90", "good_seller"));
    FetchRuns.runNow(context, id);

    List<String> later =
        jdbc.sql(
                // the deliveries of the second run's notice (a delivery's key starts with it)
                "select payload::text from delivery where alert_id = ?::uuid"
                    + " and dedupe_key like (select id::text from notice where alert_id = ?::uuid"
                    + " order by created_at desc limit 1) || ':%'")
            .params(id, id)
            .query(String.class)
            .list();
    assertThat(later)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).contains("v1|m4|0").doesNotContain("v1|m3|0"));
    assertThat(
            jdbc.sql("select count(distinct channel_id) from delivery where alert_id = ?::uuid")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    String newestNotice =
        jdbc.sql(
                "select payload::text from notice where alert_id = ?::uuid order by created_at desc limit 1")
            .param(id)
            .query(String.class)
            .single();
    assertThat(newestNotice).contains("v1|m4|0").doesNotContain("v1|m3|0");
  }

  @Test
  void mutingTwiceIsOneMuteAndUndoRemovesIt() {
    String first =
        mute(null, "WORD", "Case")
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    String again =
        mute(null, "WORD", "case")
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    assertThat(again).isEqualTo(first);
    jane.get()
        .uri("/api/mutes")
        .exchange()
        .expectBody()
        .jsonPath("$[0].label")
        .isEqualTo("Word \"case\" (all alerts)");

    jane.delete().uri("/api/mutes/{id}", first).exchange().expectStatus().isNoContent();
    jane.delete().uri("/api/mutes/{id}", first).exchange().expectStatus().isNotFound();
    http.get().uri("/api/mutes").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void someoneElsesAlertCannotBeMutedForAndBadValuesNameTheField() {
    String bobs =
        TestAlerts.create(
                Sessions.signedIn(http, signInLinks, "bob@example.com"),
                "bob@example.com",
                "bob camera")
            .get("id")
            .toString();
    mute(bobs, "SELLER", "x").expectStatus().isNotFound();
    mute(null, "LISTING", "v1|1|0")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("alertId");
    mute(null, "SELLER", "two words")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("value");
  }

  @Test
  void aMuteSellerLinkShowsAConfirmationAndOnlyItsPostMutes() {
    EbayStub.listings("mute link lens", Item.of("ml1", "Leica lens hood", "40", "hood_seller"));
    String id = TestAlerts.create(jane, "jane@example.com", "mute link lens").get("id").toString();
    FetchRuns.runNow(context, id);
    String url = links.forListing("jane@example.com", UUID.fromString(id), "v1|ml1|0").muteSeller();
    String token = url.substring(url.indexOf("token=") + 6);

    http.get()
        .uri("/mute?token={token}", token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("Mute seller hood_seller?", "value=\"all\""));
    assertThat(count()).isZero();

    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("token", token);
    form.add("scope", "all");
    for (int i = 0; i < 2; i++) {
      http.post()
          .uri("/mute")
          .contentType(MediaType.APPLICATION_FORM_URLENCODED)
          .body(form)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(String.class)
          .value(page -> assertThat(page).contains("Seller hood_seller (all alerts) is muted"));
    }
    assertThat(count()).isEqualTo(1);
    http.get().uri("/mute?token={token}", token + "x").exchange().expectStatus().isBadRequest();
  }

  @Test
  void aChatMessagesOneLinkOffersEveryMuteAndAppliesTheChosenOne() {
    EbayStub.listings("mute chat lens", Item.of("mc1", "Canon lens hood", "20", "hoods_r_us"));
    String id = TestAlerts.create(jane, "jane@example.com", "mute chat lens").get("id").toString();
    FetchRuns.runNow(context, id);
    String url = links.feedbackPage("jane@example.com", UUID.fromString(id), "v1|mc1|0");
    String token = url.substring(url.indexOf("token=") + 6);

    http.get()
        .uri("/mute?token={token}", token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            page ->
                assertThat(page)
                    .contains(
                        "Not interested in this listing",
                        "Mute seller hoods_r_us",
                        "value=\"hood\""));
    assertThat(count()).isZero();

    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("token", token);
    form.add("action", "seller");
    form.add("scope", "all");
    http.post()
        .uri("/mute")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("Seller hoods_r_us (all alerts) is muted"));
  }

  @Test
  void aWordLinkMutesOnlyAWordOfTheListingsTitle() {
    EbayStub.listings("mute word lens", Item.of("mw1", "Nikon lens cap", "5", "caps"));
    String id = TestAlerts.create(jane, "jane@example.com", "mute word lens").get("id").toString();
    FetchRuns.runNow(context, id);
    String url = links.forListing("jane@example.com", UUID.fromString(id), "v1|mw1|0").muteWord();
    String token = url.substring(url.indexOf("token=") + 6);

    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("token", token);
    form.add("word", "anything");
    http.post()
        .uri("/mute")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .exchange()
        .expectStatus()
        .isBadRequest();
    form.set("word", "cap");
    http.post()
        .uri("/mute")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(jdbc.sql("select value from mute").query(String.class).list())
        .containsExactly("cap");
  }

  @Test
  void mutedListingsSharingAWordSuggestExcludingIt() {
    EbayStub.listings(
        "switch oled suggest",
        Item.of("s1", "Switch OLED case black", "15", "a"),
        Item.of("s2", "Switch OLED case red", "15", "b"),
        Item.of("s3", "Switch OLED hard case", "15", "c"),
        Item.of("s4", "Switch OLED console", "300", "d"));
    String id =
        TestAlerts.create(jane, "jane@example.com", "switch oled suggest").get("id").toString();
    FetchRuns.runNow(context, id);
    for (String item : List.of("v1|s1|0", "v1|s2|0", "v1|s3|0")) {
      mute(id, "LISTING", item).expectStatus().isCreated();
    }

    jane.get()
        .uri("/api/alerts/{id}/mute-suggestions", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.suggestions[0].value")
        .isEqualTo("case")
        .jsonPath("$.suggestions[0].field")
        .isEqualTo("excludeWords")
        .jsonPath("$.suggestions[0].text")
        .isEqualTo("Exclude the word \"case\"? 3 of your 3 mutes contain it");
    jane.get()
        .uri("/api/alerts/{id}/listings?state=MUTED", id)
        .exchange()
        .expectBody()
        .jsonPath("$.listings[*].itemId")
        .value(
            List.class,
            ids -> assertThat(ids).containsExactlyInAnyOrder("v1|s1|0", "v1|s2|0", "v1|s3|0"));
    jane.get()
        .uri("/api/alerts/{id}/listings?state=NEW", id)
        .exchange()
        .expectBody()
        .jsonPath("$.listings[*].itemId")
        .value(List.class, ids -> assertThat(ids).containsExactly("v1|s4|0"))
        .jsonPath("$.listings[0].seller")
        .isEqualTo("d");
  }

  @Test
  void feedEntriesCarryTheSameWorkingMuteLinksOnEveryRead() {
    EbayStub.listings("mute feed lens", Item.of("mf1", "Zeiss lens", "300", "zeiss_shop"));
    Map<?, ?> alert = TestAlerts.create(jane, "jane@example.com", "mute feed lens");
    FetchRuns.runNow(context, alert.get("id").toString());
    String feedUrl = alert.get("feedUrl").toString();
    String path = feedUrl.substring(feedUrl.indexOf("/feeds/"));

    String first =
        http.get().uri(path).exchange().expectBody(String.class).returnResult().getResponseBody();
    String second =
        http.get().uri(path).exchange().expectBody(String.class).returnResult().getResponseBody();

    assertThat(second).isEqualTo(first);
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile(
                "/mute\\?token=([A-Za-z0-9_.-]+)(?:\"|&quot;)&gt;Mute seller")
            .matcher(first);
    assertThat(link.find()).as(first).isTrue();
    http.get()
        .uri("/mute?token={token}", link.group(1))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("Mute seller zeiss_shop?"));
  }

  private RestTestClient.ResponseSpec mute(String alertId, String kind, String value) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("alertId", alertId);
    body.put("kind", kind);
    body.put("value", value);
    return jane.post()
        .uri("/api/mutes")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange();
  }

  private int count() {
    return jdbc.sql("select count(*) from mute").query(Integer.class).single();
  }
}
