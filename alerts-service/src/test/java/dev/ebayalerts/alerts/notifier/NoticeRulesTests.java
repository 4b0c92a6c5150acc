package dev.ebayalerts.alerts.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.fetch.FetchRuns;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The notice rules, end to end: set through the API, applied by fetch runs, seen in emails. */
@IntegrationTest
class NoticeRulesTests {

  static final String OWNER = "rules@example.com";
  static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  @BeforeEach
  void signIn() {
    http = Sessions.signedIn(http, signInLinks, OWNER);
    jdbc.sql("delete from alert where email = ?").param(OWNER).update();
  }

  @Test
  void rulesHaveDefaultsAndAreShownWithTheAlert() {
    String id = create("rules defaults", "");
    http.get()
        .uri("/api/alerts/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rules.newListings")
        .isEqualTo(true)
        .jsonPath("$.rules.priceDrops")
        .isEqualTo(true)
        .jsonPath("$.rules.targetPrice")
        .isEmpty()
        .jsonPath("$.rules.timeZone")
        .isEqualTo("UTC");
  }

  @Test
  void invalidRulesAreRefusedNamingTheField() {
    http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            body(
                "rules invalid",
                "\"rules\":{\"quietStart\":\"22:00\",\"timeZone\":\"Mars/Olympus\","
                    + "\"endingSoonMinutes\":0,\"maxPerDay\":0}"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(
            List.of(
                "rules.endingSoonMinutes", "rules.maxPerDay", "rules.quietEnd", "rules.timeZone"));
  }

  @Test
  void patchingOneRuleKeepsTheOthers() {
    String id = create("rules patch", ",\"rules\":{\"targetPrice\":99,\"newListings\":false}");
    http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"rules\":{\"endingSoonMinutes\":15}}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rules.targetPrice")
        .isEqualTo(99.0)
        .jsonPath("$.rules.newListings")
        .isEqualTo(false)
        .jsonPath("$.rules.endingSoonMinutes")
        .isEqualTo(15);
    http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"rules\":{\"quietStart\":\"22:00\"}}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("rules.quietEnd");
  }

  @Test
  void aTargetPriceFiresOnceAndAgainAfterThePriceRoseAboveIt() {
    String phrase = "rules target";
    EbayStub.listings(phrase, Item.of("t1", "Target lens", "120.00", "s"));
    String id =
        create(
            phrase, ",\"rules\":{\"targetPrice\":100,\"newListings\":false,\"priceDrops\":false}");
    run(id);
    assertThat(emails(id)).isEmpty();

    EbayStub.listings(phrase, Item.of("t1", "Target lens", "95.00", "s"));
    run(id);
    assertThat(emails(id)).singleElement().asString().contains("target price of $100.00");

    EbayStub.listings(phrase, Item.of("t1", "Target lens", "90.00", "s"));
    run(id);
    EbayStub.listings(phrase, Item.of("t1", "Target lens", "110.00", "s"));
    run(id);
    assertThat(emails(id)).hasSize(1);

    EbayStub.listings(phrase, Item.of("t1", "Target lens", "99.00", "s"));
    run(id);
    assertThat(emails(id)).hasSize(2);
  }

  @Test
  void aDropBelowTheAlertsThresholdIsNotToldAndOneAboveIs() {
    String phrase = "rules drop";
    EbayStub.listings(phrase, Item.of("d1", "Drop camera", "100.00", "s"));
    String id = create(phrase, ",\"minDropPercent\":10");
    run(id);
    EbayStub.listings(phrase, Item.of("d1", "Drop camera", "91.00", "s"));
    run(id);
    assertThat(emails(id)).hasSize(1);
    EbayStub.listings(phrase, Item.of("d1", "Drop camera", "90.00", "s"));
    run(id);
    assertThat(emails(id)).hasSize(2);
    assertThat(emails(id).get(1)).contains("\"previousPrice\":100.00", "\"price\":90.00");
  }

  @Test
  void anAuctionEndingSoonIsToldOncePerAuction() {
    String phrase = "rules ending";
    Instant soon = Instant.now().plusSeconds(20 * 60);
    EbayStub.listings(
        phrase,
        Item.auction("e1", "Ending watch", "150.00", "s", soon),
        Item.auction("e2", "Later watch", "150.00", "s", Instant.now().plusSeconds(5 * 3600)),
        Item.auction("e3", "Dear watch", "250.00", "s", soon));
    String id =
        create(
            phrase, ",\"maxPrice\":200,\"rules\":{\"endingSoonMinutes\":30,\"newListings\":false}");
    run(id);
    run(id);

    List<String> emails = emails(id);
    assertThat(emails).singleElement().asString().contains("Ending watch", "Auction ends");
    assertThat(emails.get(0)).doesNotContain("Later watch", "Dear watch");
  }

  @Test
  void quietHoursHoldNoticesUntilTheNextRunAfterThem() {
    String phrase = "rules quiet";
    EbayStub.listings(phrase, Item.of("q1", "Quiet radio", "10.00", "s"));
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    String id =
        create(
            phrase,
            ",\"rules\":{\"quietStart\":\"%s\",\"quietEnd\":\"%s\"}"
                .formatted(HH_MM.format(now.minusHours(1)), HH_MM.format(now.plusHours(1))));
    run(id);
    assertThat(emails(id)).isEmpty();
    assertThat(held(id)).isEqualTo(1);

    patch(
        id,
        "{\"rules\":{\"quietStart\":\"%s\",\"quietEnd\":\"%s\"}}"
            .formatted(HH_MM.format(now.plusHours(2)), HH_MM.format(now.plusHours(3))));
    run(id); // nothing new: the held listing goes out
    assertThat(emails(id)).singleElement().asString().contains("Quiet radio");
    assertThat(held(id)).isZero();
  }

  @Test
  void overTheDailyCapNoticesAreHeldAndFoldedIntoTheNextDelivery() {
    String phrase = "rules cap";
    EbayStub.listings(phrase, Item.of("c1", "Cap one", "10.00", "s"));
    String id = create(phrase, ",\"rules\":{\"maxPerDay\":1}");
    run(id);
    EbayStub.listings(phrase, Item.of("c2", "Cap two", "10.00", "s"));
    run(id);
    EbayStub.listings(phrase, Item.of("c3", "Cap three", "10.00", "s"));
    run(id);
    assertThat(emails(id)).hasSize(1);
    assertThat(held(id)).isEqualTo(2);

    patch(id, "{\"rules\":{\"maxPerDay\":2}}");
    run(id);
    List<String> emails = emails(id);
    assertThat(emails).hasSize(2);
    assertThat(emails.get(1)).contains("Cap two", "Cap three");
    assertThat(held(id)).isZero();
  }

  @Test
  void alertsRunInOneTransactionEachKeepTheirOwnRulesStatesAndCounts() {
    String phrase = "rules together";
    EbayStub.listings(phrase, Item.of("g1", "Together one", "120.00", "s"));
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    String plain = create(phrase, "");
    String capped = create(phrase, ",\"rules\":{\"maxPerDay\":1}");
    String quiet =
        create(
            phrase,
            ",\"rules\":{\"quietStart\":\"%s\",\"quietEnd\":\"%s\"}"
                .formatted(HH_MM.format(now.minusHours(1)), HH_MM.format(now.plusHours(1))));
    String target =
        create(
            phrase, ",\"rules\":{\"targetPrice\":100,\"newListings\":false,\"priceDrops\":false}");
    List<String> all = List.of(plain, capped, quiet, target);

    assertThat(FetchRuns.runTogether(context, all)).isEqualTo(4);
    assertThat(emails(plain)).hasSize(1);
    assertThat(emails(capped)).hasSize(1);
    assertThat(emails(quiet)).isEmpty();
    assertThat(held(quiet)).isEqualTo(1);
    assertThat(emails(target)).isEmpty();

    // A new listing, and the first one below the target price.
    EbayStub.listings(
        phrase,
        Item.of("g1", "Together one", "95.00", "s"),
        Item.of("g2", "Together two", "130.00", "s"));
    assertThat(FetchRuns.runTogether(context, all)).isEqualTo(4);
    assertThat(emails(plain)).hasSize(2);
    assertThat(emails(plain).get(1)).contains("Together one", "Together two");
    assertThat(emails(capped)).as("capped at one a day").hasSize(1);
    assertThat(held(capped)).isEqualTo(2);
    assertThat(held(quiet)).isEqualTo(2);
    assertThat(emails(target))
        .singleElement()
        .asString()
        .contains("target price of $100.00")
        .doesNotContain("Together two");
    assertThat(deliveriesToday(plain)).isEqualTo(2);
    assertThat(deliveriesToday(capped)).isEqualTo(1);
    assertThat(deliveriesToday(quiet)).isZero();
    assertThat(deliveriesToday(target)).isEqualTo(1);

    // The target stays told while the price stays below it: no second notice.
    assertThat(FetchRuns.runTogether(context, all)).isEqualTo(4);
    assertThat(emails(target)).hasSize(1);
  }

  private int deliveriesToday(String id) {
    return jdbc.sql(
            "select case when notices_day = current_date then notices_today else 0 end"
                + " from alert where id = ?::uuid")
        .param(id)
        .query(Integer.class)
        .single();
  }

  private void run(String id) {
    FetchRuns.runNow(context, id);
  }

  private int held(String id) {
    return jdbc.sql("select count(*) from notice_held where alert_id = ?::uuid")
        .param(id)
        .query(Integer.class)
        .single();
  }

  private List<String> emails(String alertId) {
    return jdbc.sql(
            "select replace(payload::text, '\": ', '\":') from delivery"
                + " where alert_id = ?::uuid order by created_at")
        .param(alertId)
        .query(String.class)
        .list();
  }

  private void patch(String id, String json) {
    http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .exchange()
        .expectStatus()
        .isOk();
  }

  private String create(String phrase, String extra) {
    return http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body(phrase, extra.startsWith(",") ? extra.substring(1) : extra))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
  }

  static String body(String phrase, String extra) {
    return "{\"email\":\"%s\",\"searchPhrase\":\"%s\",\"frequencyMinutes\":10%s}"
        .formatted(OWNER, phrase, extra.isEmpty() ? "" : "," + extra);
  }
}
