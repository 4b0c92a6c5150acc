package dev.ebayalerts.alerts.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Fetch cycles against eBay stubs: only news is emailed, searches are shared, failures isolated.
 */
@IntegrationTest
class FetchCycleTests {

  @Autowired FetchCycle cycle;
  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired StringRedisTemplate redis;
  @Autowired FetchSettings settings;
  @Autowired AlertRun run;
  @Autowired DueAlerts schedule;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  /** The alerts API answers only the owner of an alert: these tests act as jane. */
  @BeforeEach
  void signInAsJane() {
    http = Sessions.signedIn(http, signInLinks, "jane@example.com");
  }

  @BeforeEach
  void noOtherAlerts() {
    jdbc.sql("delete from delivery").update();
    jdbc.sql("delete from alert").update();
    jdbc.sql("delete from search_result").update();
  }

  @Test
  void firstRunEmailsTheCurrentListingsAndRecordsTheRun() {
    EbayStub.listings(
        "leica m6 first",
        Item.of("1", "Leica M6 body", "1899.00", "camstore"),
        Item.of("2", "Leica M6 TTL", "2100.50", "berlin_cams"));
    String id = create("leica m6 first", 10, null);

    runDue();

    List<Map<String, Object>> emails = emails(id);
    assertThat(emails).hasSize(1);
    assertThat((String) emails.get(0).get("payload"))
        .contains("\"first\":true", "Leica M6 body", "Leica M6 TTL", "1899.00");
    Map<String, Object> alert = alert(id);
    assertThat(alert.get("last_run_at")).isNotNull();
    assertThat(alert.get("last_run_by"))
        .as("which instance ran it")
        .isEqualTo(settings.instance())
        .asString()
        .startsWith(ProcessHandle.current().pid() + "@");
    assertThat(alert.get("last_error")).isNull();
    assertThat(alert.get("lease_until")).isNull();
    assertThat(((java.sql.Timestamp) alert.get("next_run_at")).toInstant())
        .isAfter(java.time.Instant.now().plusSeconds(9 * 60));
    // the fetch also reaches analytics, through the outbox
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(
            () ->
                redis
                    .opsForStream()
                    .range("ebay-alerts.events", org.springframework.data.domain.Range.unbounded())
                    .stream()
                    .anyMatch(
                        e ->
                            "ListingsObserved".equals(e.getValue().get("type"))
                                && e.getValue().get("event").toString().contains(id)));
  }

  @Test
  void aListingFarBelowTheSearchsOwnPricesIsToldWithAWarning() {
    EbayStub.listings(
        "lego falcon fence",
        Item.of("f0", "LEGO Falcon box only", "1.60", "s0"),
        Item.of("f1", "LEGO Falcon sealed", "35.24", "s1"),
        Item.of("f2", "LEGO Falcon", "41.00", "s2"),
        Item.of("f3", "LEGO Falcon", "42.00", "s3"),
        Item.of("f4", "LEGO Falcon", "44.50", "s4"),
        Item.of("f5", "LEGO Falcon", "46.99", "s5"),
        Item.of("f6", "LEGO Falcon", "47.50", "s6"),
        Item.of("f7", "LEGO Falcon", "48.00", "s7"),
        Item.of("f8", "LEGO Falcon", "49.99", "s8"));
    String id = create("lego falcon fence", 10, null);

    runDue();

    String payload = (String) emails(id).get(0).get("payload");
    assertThat(payload)
        .contains("\"v1|f0|0\":\"Far below typical for this search: check it is the item\"")
        .doesNotContain("\"v1|f1|0\":\"Far below");
  }

  @Test
  void secondRunWithNothingNewSendsNothing() {
    EbayStub.listings("rolex same", Item.of("10", "Rolex Submariner", "9000", "watches"));
    String id = create("rolex same", 10, null);
    runDue();
    makeDue(id);
    runDue();

    assertThat(emails(id)).hasSize(1);
  }

  @Test
  void aNewListingOrABigEnoughDropIsSentAndNothingElse() {
    EbayStub.listings(
        "gameboy news",
        Item.of("20", "Game Boy Color", "100.00", "a"),
        Item.of("21", "Game Boy Pocket", "80.00", "b"),
        Item.of("22", "Game Boy Advance", "60.00", "c"));
    String id = create("gameboy news", 10, null);
    runDue();

    EbayStub.listings(
        "gameboy news",
        Item.of("23", "Game Boy Light", "150.00", "d"), // new
        Item.of("20", "Game Boy Color", "90.00", "a"), // -10 %: news
        Item.of("21", "Game Boy Pocket", "79.20", "b"), // -1 %: noise
        Item.of("22", "Game Boy Advance", "65.00", "c")); // up: nothing
    makeDue(id);
    runDue();

    List<Map<String, Object>> emails = emails(id);
    assertThat(emails).hasSize(2);
    String second = (String) emails.get(1).get("payload");
    assertThat(second).contains("\"first\":false", "Game Boy Light", "Game Boy Color");
    assertThat(second).doesNotContain("Game Boy Pocket", "Game Boy Advance");
    assertThat(second).contains("\"previousPrice\":100.00", "\"price\":90.00");
  }

  @Test
  void aOnePercentDropOnAFivePercentAlertSendsNothing() {
    EbayStub.listings("switch noise", Item.of("30", "Nintendo Switch", "300.00", "s"));
    String id = create("switch noise", 10, null);
    runDue();
    EbayStub.listings("switch noise", Item.of("30", "Nintendo Switch", "297.00", "s"));
    makeDue(id);
    runDue();

    assertThat(emails(id)).hasSize(1);
  }

  @Test
  void aRelistedItemIsNotNewsUnlessItsPriceDropped() {
    EbayStub.listings("camera relist", Item.of("40", "Canon AE-1 Program", "150.00", "joe"));
    String id = create("camera relist", 10, null);
    runDue();

    EbayStub.listings("camera relist", Item.of("41", "Canon AE-1 program!", "150.00", "joe"));
    makeDue(id);
    runDue();
    assertThat(emails(id)).hasSize(1);

    EbayStub.listings("camera relist", Item.of("42", "Canon AE-1 Program", "120.00", "joe"));
    makeDue(id);
    runDue();
    List<Map<String, Object>> emails = emails(id);
    assertThat(emails)
        .as(
            () ->
                "alert "
                    + alert(id)
                    + " listings "
                    + jdbc.sql("select * from alert_listing where alert_id = ?::uuid")
                        .param(id)
                        .query()
                        .listOfRows())
        .hasSize(2);
    assertThat((String) emails.get(1).get("payload")).contains("\"previousPrice\":150.00");
  }

  @Test
  void fiftyAlertsOverFiveSearchesMakeFiveEbayCalls() {
    for (int s = 0; s < 5; s++) {
      EbayStub.listings("shared search " + s, Item.of("5" + s, "Shared " + s, "10.00", "x"));
    }
    int before = searchCalls();
    for (int i = 0; i < 50; i++) {
      // different spellings of one search share it; frequencies differ too
      String phrase = (i % 2 == 0 ? "shared search " : "  Shared   SEARCH ") + (i % 5);
      create(phrase, i % 3 == 0 ? 2 : 10, null);
    }

    assertThat(runDue()).isEqualTo(50);

    assertThat(searchCalls() - before).isEqualTo(5);
    assertThat(jdbc.sql("select count(*) from delivery").query(Long.class).single()).isEqualTo(50);
  }

  @Test
  void theRunsOfOneTransactionStoreOneOutboxPublicationAndSendOneEventPerRun() {
    EbayStub.listings("outbox batch", Item.of("81", "Batched", "10.00", "x"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(create("outbox batch", 10, null));
    }
    jdbc.sql("update alert set next_run_at = now() - interval '1 second'").update();
    java.time.Instant now =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    List<AlertRun.Job> jobs =
        schedule.claim(now, 10, now.plusSeconds(60)).stream()
            .map(due -> new AlertRun.Job(due, new SearchResults.Fetch(List.of(), null, true)))
            .toList();
    assertThat(jobs).hasSize(3);

    // What the transaction stored, read inside it and rolled back, so nothing is relayed.
    List<String> stored =
        transactions.execute(
            status -> {
              run.processAll(jobs, now);
              status.setRollbackOnly();
              return jdbc.sql(
                      "select serialized_event::text from event_publication"
                          + " where completion_date is null and event_type like '%ObservationBatch'"
                          + " and (serialized_event::text like ?"
                          + " or serialized_event::text like ? or serialized_event::text like ?)")
                  .params(ids.stream().map(id -> "%" + id + "%").toArray())
                  .query(String.class)
                  .list();
            });
    assertThat(stored).as("one publication for the three runs").hasSize(1);
    assertThat(stored.get(0)).contains(ids);

    jdbc.sql("update alert set lease_until = null").update();
    assertThat(runDue()).isEqualTo(3);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        redis
                            .opsForStream()
                            .range(
                                "ebay-alerts.events",
                                org.springframework.data.domain.Range.unbounded())
                            .stream()
                            .filter(e -> "ListingsObserved".equals(e.getValue().get("type")))
                            .map(e -> e.getValue().get("event").toString())
                            .flatMap(event -> ids.stream().filter(event::contains))
                            .toList())
                    .as("one ListingsObserved per run")
                    .containsExactlyInAnyOrderElementsOf(ids));
  }

  @Test
  void anItemListedTwiceInOneAnswerIsToldOnceAndTheRunSucceeds() {
    EbayStub.listings(
        "twice listed",
        Item.of("91", "Listed twice", "12.00", "x"),
        Item.of("91", "Listed twice", "11.00", "x"),
        Item.of("92", "Listed once", "20.00", "y"));
    String first = create("twice listed", 10, null);
    String second = create("twice listed", 10, null);

    assertThat(runDue()).isEqualTo(2);

    for (String id : List.of(first, second)) {
      assertThat(alert(id).get("last_error")).isNull();
      assertThat(emails(id)).hasSize(1);
      assertThat(
              jdbc.sql("select count(*) from alert_listing where alert_id = ?::uuid")
                  .param(id)
                  .query(Integer.class)
                  .single())
          .isEqualTo(2);
    }
  }

  @Test
  void aLongerPeriodAlertReusesTheFreshResultOfAShorterOne() {
    EbayStub.listings("reuse search", Item.of("60", "Reused", "10.00", "x"));
    String fast = create("reuse search", 2, null);
    runDue();
    int calls = EbayStub.searches("reuse search");
    String slow = create("reuse search", 30, null);
    runDue();

    assertThat(EbayStub.searches("reuse search")).isEqualTo(calls);
    assertThat(emails(slow)).hasSize(1);
    assertThat(emails(fast)).hasSize(1);
  }

  @Test
  void oneFailingSearchDoesNotStopTheOthers() {
    EbayStub.failing("broken search", 500);
    EbayStub.listings("working search", Item.of("70", "Working", "10.00", "x"));
    String broken = create("broken search", 10, null);
    String working = create("working search", 10, null);

    runDue();

    assertThat(emails(working)).hasSize(1);
    assertThat(emails(broken)).isEmpty();
    Map<String, Object> failed = alert(broken);
    assertThat((String) failed.get("last_error")).startsWith("eBay search failed");
    assertThat(failed.get("lease_until")).isNull();
    assertThat(EbayStub.searches("broken search")).isGreaterThan(1); // retried before giving up
  }

  @Test
  void oneFailingAlertDoesNotStopTheOthersRunInTheSameTransaction() {
    EbayStub.listings("batch search", Item.of("75", "Batched", "10.00", "x"));
    String first = create("batch search", 10, null);
    String broken = create("batch search", 10, null);
    String last = create("batch search", 10, null);
    // something the run of one alert cannot read: its run fails, and it alone
    jdbc.sql(
            "insert into notice_held (alert_id, item_id, listing, held_at)"
                + " values (?::uuid, 'x', cast('\"not a listing\"' as jsonb), now())")
        .param(broken)
        .update();

    assertThat(runDue()).isEqualTo(2);

    assertThat(emails(first)).hasSize(1);
    assertThat(emails(last)).hasSize(1);
    assertThat(emails(broken)).isEmpty();
    assertThat((String) alert(broken).get("last_error")).startsWith("Run failed");
    assertThat(alert(first).get("last_error")).isNull();
  }

  @Test
  void anAlertRunningLateUsesTheResultFetchedInItsPeriodInsteadOfCallingAgain() {
    EbayStub.listings("late search", Item.of("76", "Late", "10.00", "x"));
    String onTime = create("late search", 2, null);
    String late = create("late search", 2, null);
    runDue();
    int calls = EbayStub.searches("late search");
    // The cycle fell behind: the late alert was due 150 s ago (its period began 270 s ago), and
    // the search was fetched 180 s ago for the alert on time, within the late alert's period.
    jdbc.sql("update search_result set fetched_at = now() - interval '180 seconds'").update();
    jdbc.sql(
            "update alert set next_run_at = now() - interval '150 seconds',"
                + " last_run_at = now() - interval '270 seconds' where id = ?::uuid")
        .param(late)
        .update();
    dueIn(onTime, "1 minute");

    assertThat(cycle.runDue()).isEqualTo(1);

    assertThat(EbayStub.searches("late search")).isEqualTo(calls);
    assertThat(alert(late).get("last_error")).isNull();
  }

  @Test
  void theAlertsOfASearchDueAcrossItsPeriodShareTheOneCallMadeAfterTheirPreviousRuns() {
    EbayStub.listings("spread search", Item.of("77", "Spread", "10.00", "x"));
    String first = create("spread search", 2, null);
    String last = create("spread search", 2, null);
    runDue();
    int calls = EbayStub.searches("spread search");
    // Alerts of one search are due at times spread over the period, closer together than a tick.
    // The first alert's run fetched the search 115 s ago; the last alert of the period, due now,
    // last ran 120 s ago, before that call: it has not seen that result, so it reuses it.
    jdbc.sql("update search_result set fetched_at = now() - interval '115 seconds'").update();
    jdbc.sql(
            "update alert set next_run_at = now() + interval '5 seconds',"
                + " last_run_at = now() - interval '115 seconds' where id = ?::uuid")
        .param(first)
        .update();
    jdbc.sql(
            "update alert set next_run_at = now() - interval '1 second',"
                + " last_run_at = now() - interval '120 seconds' where id = ?::uuid")
        .param(last)
        .update();

    assertThat(cycle.runDue()).isEqualTo(1);

    assertThat(EbayStub.searches("spread search")).isEqualTo(calls);
    assertThat(alert(last).get("last_error")).isNull();
  }

  @Test
  void anAlertThatRanLateNeverRunsAgainOverTheResultItRanOn() {
    EbayStub.listings("seen search", Item.of("78", "Seen", "10.00", "x"));
    String id = create("seen search", 2, null);
    runDue();
    int calls = EbayStub.searches("seen search");
    // Its previous run was 30 s late: due 121 s ago, it fetched the search and ran 90 s ago. It is
    // due now, and eBay has a new listing since.
    jdbc.sql("update search_result set fetched_at = now() - interval '90 seconds'").update();
    jdbc.sql(
            "update alert set next_run_at = now() - interval '1 second',"
                + " last_run_at = now() - interval '89 seconds' where id = ?::uuid")
        .param(id)
        .update();
    EbayStub.listings(
        "seen search",
        Item.of("79", "New since", "12.00", "y"),
        Item.of("78", "Seen", "10.00", "x"));

    assertThat(cycle.runDue()).isEqualTo(1);

    assertThat(EbayStub.searches("seen search")).isEqualTo(calls + 1);
    List<Map<String, Object>> emails = emails(id);
    assertThat(emails).hasSize(2);
    assertThat((String) emails.get(1).get("payload")).contains("New since");
  }

  @Test
  void whenTheCallBudgetIsSpentAlertsAreDeferredNotFailed() {
    EbayStub.listings("budget warm-up", Item.of("81", "Warm-up", "10.00", "x"));
    create("budget warm-up", 10, null);
    runDue(); // the first call creates today's counter
    EbayStub.listings("budget search", Item.of("80", "Budget", "10.00", "x"));
    String id = create("budget search", 10, null);
    Object dueBefore = alert(id).get("next_run_at");
    String key =
        redis.keys("ebay:*:calls:" + LocalDate.now(ZoneOffset.UTC)).stream()
            .findFirst()
            .orElseThrow();
    String used = redis.opsForValue().get(key);
    redis.opsForValue().set(key, "1000000");
    try {
      assertThat(runDue()).isZero();
    } finally {
      redis.opsForValue().set(key, used);
    }

    assertThat(EbayStub.searches("budget search")).isZero();
    Map<String, Object> deferred = alert(id);
    assertThat((String) deferred.get("last_error"))
        .startsWith("Deferred: the daily eBay call budget");
    // still due: it comes first once calls are allowed again
    assertThat(((java.sql.Timestamp) deferred.get("next_run_at")).toInstant())
        .isBefore(java.time.Instant.now());
    assertThat(deferred.get("lease_until")).isNull();
    assertThat(emails(id)).isEmpty();

    assertThat(runDue()).isEqualTo(1);
    assertThat(emails(id)).hasSize(1);
  }

  @Test
  void twoConcurrentCyclesRunEveryAlertExactlyOnce() throws Exception {
    EbayStub.listings("concurrent search", Item.of("90", "Concurrent", "10.00", "x"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(create("concurrent search", 10, null));
    }
    jdbc.sql("update alert set next_run_at = now() - interval '1 second'").update();

    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(cycle::runDue);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(cycle::runDue);

    assertThat(first.get() + second.get()).isEqualTo(40);
    for (String id : ids) {
      assertThat(emails(id)).hasSize(1);
    }
    assertThat(cycle.runDue()).isZero();
  }

  @Test
  void aCycleRunningBesideAnotherJoinsItsCallInFlightForTheSameSearch() throws Exception {
    // eBay answers this search slowly, so the second cycle starts while the first one's call is on
    // its way.
    EbayStub.searchesMatching("inflight search", 1500, Item.of("96", "In flight", "10.00", "x"));
    String first = create("inflight search", 10, null);
    String second = create("inflight search", 10, null);
    dueIn(second, "1 hour");
    dueIn(first, "-1 second");
    int before = searchCalls();

    CompletableFuture<Integer> calling = CompletableFuture.supplyAsync(cycle::runDue);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> cycle.searchesInFlight() == 1);
    dueIn(second, "-1 second");
    int joining = cycle.runDue();

    assertThat(calling.get() + joining).isEqualTo(2);
    assertThat(searchCalls() - before).as("eBay calls").isEqualTo(1);
    assertThat(emails(first)).hasSize(1);
    assertThat(emails(second)).hasSize(1);
    assertThat(cycle.searchesInFlight()).isZero();
  }

  @Test
  void aTickRunsWhatWasDueWhenItStartedAndLeavesWhatFallsDueMeanwhileToTheNextTick() {
    // eBay answers the first search slowly, so the tick is still running when the second alert
    // falls due.
    EbayStub.searchesMatching("tick start slow", 4000, Item.of("97", "Slow", "10.00", "x"));
    EbayStub.listings("tick start later", Item.of("98", "Later", "10.00", "x"));
    String due = create("tick start slow", 10, null);
    String later = create("tick start later", 10, null);
    dueIn(due, "-1 second");
    dueIn(later, "2 seconds");

    assertThat(cycle.runDue()).as("alerts the tick ran").isEqualTo(1);
    assertThat(alert(later).get("last_run_at")).as("the alert that fell due meanwhile").isNull();
    assertThat(emails(due)).hasSize(1);

    assertThat(cycle.runDue()).as("alerts the next tick ran").isEqualTo(1);
    assertThat(emails(later)).hasSize(1);
  }

  @Test
  void thePausedAlertIsNotRunAndResumingRunsItSoon() {
    EbayStub.listings("paused search", Item.of("95", "Paused", "10.00", "x"));
    String id = create("paused search", 10, null);
    http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"active\":false}")
        .exchange()
        .expectStatus()
        .isOk();
    makeDue(id);
    assertThat(runDue()).isZero();

    http.patch()
        .uri("/api/alerts/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"active\":true}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status.nextRunAt")
        .value(
            String.class,
            next ->
                assertThat(java.time.Instant.parse(next))
                    .isBefore(java.time.Instant.now().plusSeconds(31)));
  }

  private int runDue() {
    jdbc.sql(
            "update alert set next_run_at = now() where next_run_at > now() and last_run_at is null")
        .update();
    return cycle.runDue();
  }

  /** Makes the alert due again, as if its period had passed (its search's result is old too). */
  private void makeDue(String id) {
    jdbc.sql("update search_result set fetched_at = fetched_at - interval '1 hour'").update();
    dueIn(id, "-1 second");
  }

  /** Makes the alert due that long from now: {@code "2 seconds"}, or {@code "-1 second"} ago. */
  private void dueIn(String id, String interval) {
    jdbc.sql("update alert set next_run_at = now() + cast(? as interval) where id = ?::uuid")
        .params(interval, id)
        .update();
  }

  private int searchCalls() {
    return EbayStub.server()
        .countRequestsMatching(
            com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(EbayStub.SEARCH))
                .build())
        .getCount();
  }

  private String create(String phrase, int frequency, String extra) {
    return http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"email\":\"jane@example.com\",\"searchPhrase\":\"%s\",\"frequencyMinutes\":%d%s}"
                .formatted(phrase, frequency, extra == null ? "" : "," + extra))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
  }

  private List<Map<String, Object>> emails(String alertId) {
    return jdbc.sql(
            "select replace(payload::text, '\": ', '\":') as payload, status from delivery"
                + " where alert_id = ?::uuid"
                + " order by created_at")
        .param(alertId)
        .query()
        .listOfRows();
  }

  private Map<String, Object> alert(String id) {
    return jdbc.sql("select * from alert where id = ?::uuid").param(id).query().singleRow();
  }
}
