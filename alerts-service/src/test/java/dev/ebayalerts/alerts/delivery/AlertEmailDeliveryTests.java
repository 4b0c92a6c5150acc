package dev.ebayalerts.alerts.delivery;

import static dev.ebayalerts.alerts.delivery.EmailFixtures.listing;
import static dev.ebayalerts.alerts.delivery.EmailFixtures.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.pubsub.links.UnsubscribeLinks;
import dev.ebayalerts.testing.Smtp;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Queued alert emails reach the mail server as HTML and plain text, with unsubscribe headers. */
@IntegrationTest
class AlertEmailDeliveryTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired Deliveries deliveries;
  @Autowired PlatformTransactionManager transactions;
  @Autowired UnsubscribeLinks links;
  @Autowired MeterRegistry meters;

  EmailFixtures fixtures;
  Smtp smtp = Smtp.forTests();

  @BeforeEach
  void fixtures() {
    fixtures = new EmailFixtures(http, jdbc, deliveries, transactions, signInLinks);
  }

  @Test
  void queuedEmailArrivesWithHtmlAndTextParts() throws Exception {
    String to = recipient("delivery");
    UUID alertId = fixtures.alert(to, "nintendo switch");
    double sentBefore = sentCount();

    UUID emailId =
        fixtures.enqueue(
            alertId,
            "nintendo switch",
            listing("111", "Nintendo Switch OLED <White>", "289.99", null),
            listing("222", "Nintendo Switch Lite", "129.99", "150.00"));

    MimeMessage message = awaitOneMessage(to);
    assertThat(message.getSubject())
        .isEqualTo("1 new listing and 1 price drop for \"nintendo switch\"");
    assertThat(message.getFrom()[0].toString()).isEqualTo("ebay-alerts <alerts@localhost>");
    assertThat(message.getMessageID()).isEqualTo("<" + emailId + "@localhost>");
    assertThat(message.getContentType()).startsWith("multipart/alternative");

    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    Part text = parts.getBodyPart(0);
    Part html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
    assertThat((String) text.getContent())
        .contains(
            "Nintendo Switch OLED <White>",
            "$289.99 · Used · Auction",
            "https://www.ebay.com/itm/111",
            "Nintendo Switch Lite",
            "Price drop: was $150.00, now $129.99",
            "https://www.ebay.com/itm/222");
    assertThat((String) html.getContent())
        .contains(
            "Nintendo Switch OLED &lt;White&gt;",
            "$289.99",
            "href=\"https://www.ebay.com/itm/111\"",
            "src=\"https://i.ebayimg.com/images/g/111/s-l225.jpg\"",
            "alt=\"Nintendo Switch OLED &lt;White&gt;\"",
            "<s style=\"color:#71717a;\">$150.00</s>",
            "$129.99</strong>");

    await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.status(emailId).equals("SENT"));
    Map<String, Object> row = fixtures.row(emailId);
    assertThat(row.get("sent_at")).isNotNull();
    assertThat(row.get("attempts")).isEqualTo(1);
    Map<?, ?> status = (Map<?, ?>) fixtures.alertResource(alertId).get("status");
    assertThat(status.get("lastEmailAt")).isNotNull();
    assertThat(sentCount()).isGreaterThan(sentBefore);
  }

  @Test
  void everyEmailCarriesAWorkingOneClickUnsubscribe() throws Exception {
    String to = recipient("headers");
    UUID alertId = fixtures.alert(to, "lego 10497");

    fixtures.enqueue(alertId, "lego 10497", listing("333", "LEGO Galaxy Explorer", "99", null));

    MimeMessage message = awaitOneMessage(to);
    String unsubscribeUrl = "http://localhost:8080/unsubscribe/" + links.tokenFor(alertId);
    assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribeUrl + ">");
    assertThat(message.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    Multipart parts = (Multipart) message.getContent();
    assertThat((String) parts.getBodyPart(0).getContent()).contains(unsubscribeUrl);
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("href=\"" + unsubscribeUrl + "\"");

    // What a mail client does for its unsubscribe button (RFC 8058).
    http.post()
        .uri(unsubscribeUrl.substring("http://localhost:8080".length()))
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body("List-Unsubscribe=One-Click")
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(fixtures.alertResource(alertId).get("active")).isEqualTo(false);
  }

  @Test
  void noAlertEmailGoesToAnUnconfirmedAddress() {
    String to = recipient("unconfirmed");
    http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"email\":\"%s\",\"searchPhrase\":\"unconfirmed\",\"frequencyMinutes\":10}"
                .formatted(to))
        .exchange()
        .expectStatus()
        .isAccepted();
    UUID alertId =
        jdbc.sql("select id from alert where email = ?").param(to).query(UUID.class).single();

    UUID emailId = fixtures.enqueue(alertId, "unconfirmed", listing("445", "Anything", "1", null));

    await().atMost(Duration.ofSeconds(10)).until(() -> !fixtures.status(emailId).equals("PENDING"));
    assertThat(fixtures.status(emailId)).isEqualTo("CANCELLED");
    assertThat(fixtures.row(emailId).get("last_error"))
        .isEqualTo("Not sent: the alert's address is not confirmed");
    assertThat(smtp.receivedBy(to))
        .singleElement()
        .satisfies(
            message ->
                assertThat(message.getSubject())
                    .isEqualTo("Start your eBay alert for \"unconfirmed\"?"));
  }

  @Test
  void emailOfAnAlertPausedBeforeItWentOutIsNotSent() {
    String to = recipient("paused");
    UUID alertId = fixtures.alert(to, "paused search");
    fixtures
        .as(to)
        .patch()
        .uri("/api/alerts/{id}", alertId)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"active\":false}")
        .exchange()
        .expectStatus()
        .isOk();

    UUID emailId =
        fixtures.enqueue(alertId, "paused search", listing("444", "Anything", "1", null));

    await().atMost(Duration.ofSeconds(10)).until(() -> !fixtures.status(emailId).equals("PENDING"));
    assertThat(fixtures.status(emailId)).isEqualTo("CANCELLED");
    assertThat(smtp.receivedBy(to)).isEmpty();
  }

  /**
   * The gauge counts what waits: three emails of this test's alert, not due for an hour, count as
   * three on top of whatever other tests left pending, and no longer once they went out.
   */
  @Test
  void reportsPendingEmailsAsAGauge() {
    String to = recipient("gauge");
    UUID alertId = fixtures.alert(to, "pending gauge");
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              for (String item : List.of("901", "902", "903")) {
                deliveries.deliver(
                    new NoticePayload(
                        alertId,
                        "pending gauge",
                        false,
                        List.of(listing(item, "x", "1", null)),
                        Map.of()),
                    Instant.now());
              }
              // committed together with the deliveries, so the sender never sees them due
              jdbc.sql(
                      "update delivery set next_attempt_at = now() + interval '1 hour'"
                          + " where alert_id = ?")
                  .param(alertId)
                  .update();
            });
    assertThat(pending("alert_id = ?", alertId)).isEqualTo(3);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(pendingGauge() - pending("alert_id <> ?", alertId)).isEqualTo(3));

    jdbc.sql("update delivery set next_attempt_at = now() where alert_id = ?")
        .param(alertId)
        .update();
    await().atMost(Duration.ofSeconds(10)).until(() -> pending("alert_id = ?", alertId) == 0);
    assertThat(smtp.receivedBy(to)).hasSize(3);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(pendingGauge() - pending("alert_id <> ?", alertId)).isZero());
  }

  private long pendingGauge() {
    return (long) meters.get("alerts.deliveries.pending").gauge().value();
  }

  private long pending(String where, UUID alertId) {
    return jdbc.sql("select count(*) from delivery where status = 'PENDING' and " + where)
        .param(alertId)
        .query(Long.class)
        .single();
  }

  @Test
  void deliverJoinsTheCallersTransactionAndNeedsOne() {
    String to = recipient("mandatory");
    UUID alertId = fixtures.alert(to, "no transaction");
    NoticePayload told =
        new NoticePayload(
            alertId, "no transaction", true, List.of(listing("5", "x", "1", null)), Map.of());

    assertThatThrownBy(() -> deliveries.deliver(told, Instant.now()))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThat(
            jdbc.sql("select count(*) from delivery where alert_id = ?")
                .param(alertId)
                .query(Long.class)
                .single())
        .isZero();
  }

  private double sentCount() {
    return meters.counter("alerts.deliveries.sent", "channel", "EMAIL").count();
  }

  private MimeMessage awaitOneMessage(String to) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.receivedBy(to).isEmpty());
    List<MimeMessage> received = smtp.receivedBy(to);
    assertThat(received).hasSize(1);
    return received.get(0);
  }
}
