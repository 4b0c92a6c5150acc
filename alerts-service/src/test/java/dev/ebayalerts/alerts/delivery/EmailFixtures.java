package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.alerts.support.TestAlerts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Alerts and queued emails for the delivery tests; each test uses its own recipient. */
final class EmailFixtures {

  private final RestTestClient http;
  private final JdbcClient jdbc;
  private final Deliveries deliveries;
  private final TransactionTemplate transaction;
  private final SignInLinks signInLinks;

  EmailFixtures(
      RestTestClient http,
      JdbcClient jdbc,
      Deliveries deliveries,
      PlatformTransactionManager transactions,
      SignInLinks signInLinks) {
    this.http = http;
    this.signInLinks = signInLinks;
    this.jdbc = jdbc;
    this.deliveries = deliveries;
    this.transaction = new TransactionTemplate(transactions);
  }

  static String recipient(String test) {
    return test + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  static NoticeListing listing(String id, String title, String price, String previousPrice) {
    return new NoticeListing(
        id,
        title,
        new BigDecimal(price),
        "USD",
        previousPrice == null ? null : new BigDecimal(previousPrice),
        "https://i.ebayimg.com/images/g/" + id + "/s-l225.jpg",
        "https://www.ebay.com/itm/" + id,
        "Used",
        "AUCTION",
        null,
        List.of());
  }

  /** A client signed in as {@code email}, which confirms the address. */
  RestTestClient as(String email) {
    return Sessions.signedIn(http, signInLinks, email);
  }

  /** An active alert of a confirmed address, created through the API. */
  UUID alert(String email, String phrase) {
    return UUID.fromString(TestAlerts.create(as(email), email, phrase).get("id").toString());
  }

  /** Stores what a run told, as the notifier does: one delivery per channel of the alert. */
  void enqueue(NoticePayload told) {
    transaction.executeWithoutResult(status -> deliveries.deliver(told, Instant.now()));
  }

  /** Stores an email (the alert's only channel) and returns its delivery's id. */
  UUID enqueue(UUID alertId, String phrase, NoticeListing... listings) {
    enqueue(new NoticePayload(alertId, phrase, false, List.of(listings), Map.of()));
    return onlyEmailOf(alertId);
  }

  UUID onlyEmailOf(UUID alertId) {
    return jdbc.sql("select id from delivery where alert_id = ?")
        .param(alertId)
        .query(UUID.class)
        .single();
  }

  /** The alert's EMAIL channel, for deliveries a test writes itself. */
  UUID emailChannelOf(UUID alertId) {
    return jdbc.sql("select id from alert_channel where alert_id = ? and type = 'EMAIL'")
        .param(alertId)
        .query(UUID.class)
        .single();
  }

  Map<String, Object> row(UUID deliveryId) {
    return jdbc.sql("select * from delivery where id = ?").param(deliveryId).query().singleRow();
  }

  String status(UUID emailId) {
    return (String) row(emailId).get("status");
  }

  Map<?, ?> alertResource(UUID alertId) {
    String owner =
        jdbc.sql("select email from alert where id = ?")
            .param(alertId)
            .query(String.class)
            .single();
    return as(owner)
        .get()
        .uri("/api/alerts/{id}", alertId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }
}
