package dev.ebayalerts.alerts.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.alerts.support.TestAlerts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * One person cannot spend everybody's eBay budget: limits per address on alerts, different searches
 * and eBay calls per day (small here; its own Spring context for them).
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "alerts.fair-use.max-alerts-per-address=3",
      "alerts.fair-use.max-searches-per-address=2",
      "alerts.fair-use.ebay-calls-per-address-per-day=2"
    })
class FairUseTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired FetchCycle cycle;

  @BeforeEach
  void emptyDatabase() {
    jdbc.sql("delete from delivery").update();
    jdbc.sql("delete from alert").update();
    jdbc.sql("delete from search_result").update();
    jdbc.sql("delete from ebay_usage").update();
  }

  @Test
  void anAddressHasAtMostItsAlertsAndDifferentSearchesAndSeesItsLimits() {
    String owner = address("limits");
    RestTestClient client = Sessions.signedIn(http, signInLinks, owner);
    TestAlerts.create(client, owner, "fair one");
    TestAlerts.create(client, owner, "fair two");
    // the same search written differently is one search: it costs nothing more
    TestAlerts.create(client, owner, "Fair  ONE");

    post(client, owner, "fair three")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("email")
        .jsonPath("$.errors[0].message")
        .value(String.class, m -> assertThat(m).contains("3 alerts, the most one address"));
    jdbc.sql("delete from alert where email = ? and search_phrase = 'Fair  ONE'")
        .param(owner)
        .update();
    post(client, owner, "fair three")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("searchPhrase")
        .jsonPath("$.errors[0].message")
        .value(String.class, m -> assertThat(m).contains("3th different search", "may have 2"));

    client
        .get()
        .uri("/api/session")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.limits.alerts.used")
        .isEqualTo(2)
        .jsonPath("$.limits.alerts.max")
        .isEqualTo(3)
        .jsonPath("$.limits.searches.used")
        .isEqualTo(2)
        .jsonPath("$.limits.searches.max")
        .isEqualTo(2)
        .jsonPath("$.limits.ebayCallsToday.max")
        .isEqualTo(2);
  }

  /**
   * Before, one address's frequent searches used the whole daily budget and every other alert was
   * deferred; now that address waits for tomorrow while a light user's alert still runs.
   */
  @Test
  void anAddressThatUsedItsShareOfEbayCallsWaitsForTomorrowWhileOthersRun() {
    String heavy = address("heavy");
    String light = address("light");
    EbayStub.listings("fair heavy a", Item.of("fa1", "Heavy A", "10.00", "s"));
    EbayStub.listings("fair heavy b", Item.of("fb1", "Heavy B", "10.00", "s"));
    EbayStub.listings("fair light", Item.of("fl1", "Light", "10.00", "s"));
    String a =
        id(TestAlerts.create(Sessions.signedIn(http, signInLinks, heavy), heavy, "fair heavy a"));
    String b =
        id(TestAlerts.create(Sessions.signedIn(http, signInLinks, heavy), heavy, "fair heavy b"));

    runNow(a, b); // 2 calls: the heavy address's share for today
    assertThat(calls(heavy)).isEqualTo(2);

    String l =
        id(TestAlerts.create(Sessions.signedIn(http, signInLinks, light), light, "fair light"));
    runNow(a, b, l);

    assertThat(calls(heavy)).isEqualTo(2);
    assertThat(calls(light)).isEqualTo(1);
    Map<String, Object> waiting = alert(a);
    assertThat((String) waiting.get("last_error"))
        .startsWith("Deferred until tomorrow (00:00 UTC): this address's share of eBay searches");
    Instant tomorrow =
        LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    assertThat(((java.sql.Timestamp) waiting.get("next_run_at")).toInstant()).isEqualTo(tomorrow);
    assertThat(alert(l).get("last_run_at")).isNotNull();
    assertThat(alert(l).get("last_error")).isNull();
  }

  /**
   * Alerts created without a session do not count until started: a stranger cannot use up an
   * address's limits, and starting one beyond them says why it was not started.
   */
  @Test
  void pendingAlertsDoNotUseUpTheLimitsAndStartingOneBeyondThemIsRefused() throws Exception {
    String owner = address("pending");
    for (int i = 0; i < 4; i++) {
      TestAlerts.post(http, owner, "fair pending " + i, "").expectStatus().isAccepted();
    }
    RestTestClient client = Sessions.signedIn(http, signInLinks, owner);
    TestAlerts.create(client, owner, "fair own one");
    TestAlerts.create(client, owner, "fair own two");

    String startLink =
        dev.ebayalerts.testing.Smtp.forTests().receivedBy(owner).get(0).getContent().toString();
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("/start\\?token=(\\S+)").matcher(startLink);
    assertThat(token.find()).isTrue();
    http.post()
        .uri("/start")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(
            "token="
                + java.net.URLEncoder.encode(
                    token.group(1), java.nio.charset.StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("Alert not started", "different search"));
  }

  private void runNow(String... ids) {
    jdbc.sql("update search_result set fetched_at = fetched_at - interval '1 hour'").update();
    for (String id : ids) {
      jdbc.sql("update alert set next_run_at = now() - interval '1 second' where id = ?::uuid")
          .param(id)
          .update();
    }
    cycle.runDue();
  }

  private long calls(String email) {
    return jdbc.sql("select coalesce(sum(calls), 0) from ebay_usage where email = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  private Map<String, Object> alert(String id) {
    return jdbc.sql("select * from alert where id = ?::uuid").param(id).query().singleRow();
  }

  private static RestTestClient.ResponseSpec post(
      RestTestClient client, String email, String phrase) {
    return TestAlerts.post(client, email, phrase, "");
  }

  private static String id(Map<?, ?> created) {
    return created.get("id").toString();
  }

  private static String address(String test) {
    return "fair-" + test + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
