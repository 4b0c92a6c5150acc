package dev.ebayalerts.alerts.notification;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.Sessions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Alerts and queued emails for the notification tests; each test uses its own recipient. */
final class EmailFixtures {

  private final RestTestClient http;
  private final JdbcClient jdbc;
  private final AlertEmails emails;
  private final TransactionTemplate transaction;
  private final SignInLinks signInLinks;

  EmailFixtures(
      RestTestClient http,
      JdbcClient jdbc,
      AlertEmails emails,
      PlatformTransactionManager transactions,
      SignInLinks signInLinks) {
    this.http = http;
    this.signInLinks = signInLinks;
    this.jdbc = jdbc;
    this.emails = emails;
    this.transaction = new TransactionTemplate(transactions);
  }

  static String recipient(String test) {
    return test + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  static EmailListing listing(String id, String title, String price, String previousPrice) {
    return new EmailListing(
        id,
        title,
        new BigDecimal(price),
        "USD",
        previousPrice == null ? null : new BigDecimal(previousPrice),
        "https://i.ebayimg.com/images/g/" + id + "/s-l225.jpg",
        "https://www.ebay.com/itm/" + id,
        "Used",
        "AUCTION");
  }

  /** A client signed in as {@code email}, which confirms the address. */
  RestTestClient as(String email) {
    return Sessions.signedIn(http, signInLinks, email);
  }

  /** An active alert of a confirmed address, created through the API. */
  UUID alert(String email, String phrase) {
    Map<?, ?> created =
        as(email)
            .post()
            .uri("/api/alerts")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                "{\"email\":\"%s\",\"searchPhrase\":\"%s\",\"frequencyMinutes\":10}"
                    .formatted(email, phrase))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return UUID.fromString(created.get("id").toString());
  }

  void enqueue(UUID alertId, String recipient, AlertEmail email) {
    transaction.executeWithoutResult(status -> emails.enqueue(alertId, recipient, email));
  }

  UUID enqueue(UUID alertId, String recipient, String phrase, EmailListing... listings) {
    enqueue(alertId, recipient, new AlertEmail(phrase, false, List.of(listings)));
    return onlyEmailOf(alertId);
  }

  UUID onlyEmailOf(UUID alertId) {
    return jdbc.sql("select id from alert_email where alert_id = ?")
        .param(alertId)
        .query(UUID.class)
        .single();
  }

  Map<String, Object> row(UUID emailId) {
    return jdbc.sql("select * from alert_email where id = ?").param(emailId).query().singleRow();
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
