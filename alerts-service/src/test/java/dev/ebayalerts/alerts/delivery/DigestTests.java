package dev.ebayalerts.alerts.delivery;

import static dev.ebayalerts.alerts.delivery.EmailFixtures.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.delivery.NoticeListing.Reason;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.ScheduleClock;
import dev.ebayalerts.pubsub.links.UnsubscribeLinks;
import dev.ebayalerts.testing.Smtp;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Digests end to end: runs of an address on an HOURLY or DAILY schedule wait, and at the slot go
 * out as one email grouped by alert, through the delivery outbox, to the real mail server.
 */
@IntegrationTest
class DigestTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired Deliveries deliveries;
  @Autowired Digests digests;
  @Autowired PlatformTransactionManager transactions;
  @Autowired UnsubscribeLinks unsubscribeLinks;

  @Autowired
  @Qualifier("scheduleClock")
  ScheduleClock clock;

  EmailFixtures fixtures;
  Smtp smtp = Smtp.forTests();
  String to;

  @BeforeEach
  void fixtures() {
    fixtures = new EmailFixtures(http, jdbc, deliveries, transactions, signInLinks);
    to = recipient("digest");
  }

  @AfterEach
  void resetClock() {
    jdbc.sql("delete from alert where email = ?").param(to).update();
    clock.reset();
  }

  static NoticeListing listing(String id, String title, String price, Reason reason) {
    return new NoticeListing(
        id,
        title,
        new BigDecimal(price),
        "USD",
        null,
        "https://i.ebayimg.com/images/g/" + id + "/s-l225.jpg",
        "https://www.ebay.com/itm/" + id,
        "Used",
        "FIXED_PRICE",
        null,
        List.of(reason),
        new PriceDetails(null, new BigDecimal("4.99"), "FIXED", null, null, false));
  }

  void schedule(String body) {
    fixtures
        .as(to)
        .put()
        .uri("/api/delivery-schedule")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange()
        .expectStatus()
        .isOk();
  }

  void run(UUID alertId, String phrase, Instant at, NoticeListing... listings) {
    clock.set(at);
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status ->
                deliveries.deliver(
                    new NoticePayload(alertId, phrase, false, List.of(listings), Map.of()), at));
  }

  long emailDeliveries() {
    return jdbc.sql(
            """
            select count(*) from delivery d left join alert a on a.id = d.alert_id
            where a.email = :to or d.digest_email = :to""")
        .param("to", to)
        .query(Long.class)
        .single();
  }

  long waiting() {
    return jdbc.sql("select count(*) from digest_item where email = ?")
        .param(to)
        .query(Long.class)
        .single();
  }

  long notices(UUID alertId) {
    return jdbc.sql("select count(*) from notice where alert_id = ?")
        .param(alertId)
        .query(Long.class)
        .single();
  }

  int fold(Instant at) {
    clock.set(at);
    return digests.sendDue(at);
  }

  static String text(MimeMessage message) throws Exception {
    return (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
  }

  static String html(MimeMessage message) throws Exception {
    return (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
  }

  @Test
  void twoAlertsRunsAreFoldedIntoOneEmailAtTheDailySlotAcrossSpringForward() throws Exception {
    UUID lego = fixtures.alert(to, "lego 10497");
    UUID switchAlert = fixtures.alert(to, "nintendo switch");
    schedule(
        """
        {"mode":"DAILY","dailyAt":"08:00","timeZone":"Europe/Berlin"}""");

    // Saturday evening before the spring-forward night, and during the night
    run(
        lego,
        "lego 10497",
        Instant.parse("2026-03-28T19:00:00Z"),
        listing("d1", "LEGO Galaxy Explorer", "99.00", Reason.NEW_LISTING));
    run(
        switchAlert,
        "nintendo switch",
        Instant.parse("2026-03-28T21:00:00Z"),
        listing("d2", "Nintendo Switch OLED", "289.99", Reason.NEW_LISTING),
        listing("d3", "Nintendo Switch Lite", "129.99", Reason.PRICE_DROP));
    run(
        lego,
        "lego 10497",
        Instant.parse("2026-03-29T00:30:00Z"),
        listing("d4", "LEGO Galaxy Explorer 2022", "89.00", Reason.NEW_LISTING));

    // the feed has every run at once; no email is queued yet
    assertThat(notices(lego)).isEqualTo(2);
    assertThat(notices(switchAlert)).isEqualTo(1);
    assertThat(emailDeliveries()).isZero();
    assertThat(waiting()).isEqualTo(3);

    // 08:00 in Berlin on the first summer-time day is 06:00 UTC, not 07:00
    assertThat(fold(Instant.parse("2026-03-29T05:59:59Z"))).isZero();
    assertThat(fold(Instant.parse("2026-03-29T06:00:00Z"))).isEqualTo(1);
    assertThat(waiting()).isZero();

    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.receivedBy(to).size() == 1);
    MimeMessage digest = smtp.receivedBy(to).get(0);
    assertThat(digest.getSubject()).isEqualTo("4 listings from 2 alerts");
    assertThat(digest.getHeader("List-Unsubscribe")).containsExactly("<http://localhost:3000>");
    assertThat(digest.getHeader("List-Unsubscribe-Post")).isNull();
    String text = text(digest);
    // grouped by alert, in the order they first waited, each listing as in an alert email
    assertThat(text)
        .containsSubsequence(
            "== \"lego 10497\": 2 new listings for \"lego 10497\" ==",
            "LEGO Galaxy Explorer",
            "$99.00 · + $4.99 shipping · Used · Buy It Now",
            "https://www.ebay.com/itm/d1",
            "Not interested: ",
            "LEGO Galaxy Explorer 2022",
            "Unsubscribe from \"lego 10497\" (pauses this alert): " + unsubscribeLinks.urlFor(lego),
            "== \"nintendo switch\": 2 new listings for \"nintendo switch\" ==",
            "Nintendo Switch OLED",
            "Nintendo Switch Lite",
            "Unsubscribe from \"nintendo switch\" (pauses this alert): "
                + unsubscribeLinks.urlFor(switchAlert),
            "Manage your alerts and when they email you: http://localhost:3000");
    assertThat(html(digest))
        .contains(
            ">&quot;lego 10497&quot;</h2>",
            "src=\"https://i.ebayimg.com/images/g/d2/s-l225.jpg\"",
            "href=\"" + unsubscribeLinks.urlFor(switchAlert) + "\"");
  }

  @Test
  void aTargetPriceListingGoesOutAtOnceWhileTheRestOfTheRunWaits() throws Exception {
    UUID alert = fixtures.alert(to, "leica m6");
    schedule(
        """
        {"mode":"HOURLY","timeZone":"America/New_York",
         "alwaysInstant":["TARGET_PRICE","ENDING_SOON"]}""");

    run(
        alert,
        "leica m6",
        Instant.parse("2026-11-01T05:10:00Z"),
        listing("t1", "Leica M6 at target", "1500.00", Reason.TARGET_PRICE),
        listing("t2", "Leica M6 new", "2500.00", Reason.NEW_LISTING));

    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.receivedBy(to).size() == 1);
    MimeMessage instant = smtp.receivedBy(to).get(0);
    assertThat(instant.getSubject()).isEqualTo("1 new listing for \"leica m6\"");
    assertThat(text(instant)).contains("Leica M6 at target").doesNotContain("Leica M6 new");
    assertThat(waiting()).isEqualTo(1);

    // the fall-back night in New York: 01:10 EDT waits for the next top of the hour, which is
    // the second 01:00 (EST), 06:00 UTC
    assertThat(fold(Instant.parse("2026-11-01T05:59:00Z"))).isZero();
    assertThat(fold(Instant.parse("2026-11-01T06:00:00Z"))).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.receivedBy(to).size() == 2);
    MimeMessage digest = smtp.receivedBy(to).get(1);
    assertThat(digest.getSubject()).isEqualTo("1 listing from 1 alert");
    assertThat(text(digest)).contains("Leica M6 new").doesNotContain("Leica M6 at target");
  }

  @Test
  void switchingBackToInstantSendsWhatWaitsAtTheNextTick() throws Exception {
    UUID alert = fixtures.alert(to, "switch back");
    schedule(
        """
        {"mode":"DAILY","dailyAt":"20:00","timeZone":"UTC"}""");
    run(
        alert,
        "switch back",
        Instant.parse("2026-06-01T09:00:00Z"),
        listing("s1", "Waiting listing", "10.00", Reason.NEW_LISTING));
    assertThat(fold(Instant.parse("2026-06-01T09:05:00Z"))).isZero();

    schedule(
        """
        {"mode":"INSTANT","timeZone":"UTC"}""");
    assertThat(fold(Instant.parse("2026-06-01T09:06:00Z"))).isEqualTo(1);

    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.receivedBy(to).size() == 1);
    assertThat(text(smtp.receivedBy(to).get(0))).contains("Waiting listing");
    assertThat(waiting()).isZero();

    // from now on every run goes out as its own email again
    run(
        alert,
        "switch back",
        Instant.parse("2026-06-01T09:10:00Z"),
        listing("s2", "Instant listing", "11.00", Reason.NEW_LISTING));
    assertThat(waiting()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.receivedBy(to).size() == 2);
    assertThat(smtp.receivedBy(to).get(1).getSubject())
        .isEqualTo("1 new listing for \"switch back\"");
  }

  @Test
  void pausedAlertsItemsKeepWaitingAndDeletedAlertsItemsAreDropped() {
    UUID kept = fixtures.alert(to, "paused digest");
    UUID deleted = fixtures.alert(to, "deleted digest");
    schedule(
        """
        {"mode":"HOURLY","timeZone":"UTC"}""");
    run(
        kept,
        "paused digest",
        Instant.parse("2026-06-01T09:00:00Z"),
        listing("p1", "Kept", "1.00", Reason.NEW_LISTING));
    run(
        deleted,
        "deleted digest",
        Instant.parse("2026-06-01T09:00:00Z"),
        listing("p2", "Dropped", "1.00", Reason.NEW_LISTING));
    jdbc.sql("update alert set active = false where id = ?").param(kept).update();
    jdbc.sql("delete from alert where id = ?").param(deleted).update();

    assertThat(fold(Instant.parse("2026-06-01T10:00:00Z"))).isZero();
    assertThat(waiting()).isEqualTo(1);

    jdbc.sql("update alert set active = true where id = ?").param(kept).update();
    assertThat(fold(Instant.parse("2026-06-01T10:00:30Z"))).isEqualTo(1);
    assertThat(waiting()).isZero();
  }
}
