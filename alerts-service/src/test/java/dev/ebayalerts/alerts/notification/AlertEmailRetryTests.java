package dev.ebayalerts.alerts.notification;

import static dev.ebayalerts.alerts.notification.EmailFixtures.listing;
import static dev.ebayalerts.alerts.notification.EmailFixtures.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Smtp;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failures: an outage delays emails but loses or doubles none, an email that keeps failing is given
 * up without holding up others, and concurrent senders never send the same email.
 */
@IntegrationTest
class AlertEmailRetryTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired AlertEmails emails;
  @Autowired PlatformTransactionManager transactions;
  @Autowired AlertEmailSender sender;
  @Autowired EmailQueue queue;
  @Autowired MeterRegistry meters;

  EmailFixtures fixtures;
  Smtp smtp = Smtp.forTests();

  @BeforeEach
  void fixtures() {
    fixtures = new EmailFixtures(http, jdbc, emails, transactions, signInLinks);
  }

  @Test
  void emailQueuedDuringAMailServerOutageIsDeliveredOnceItIsBack() {
    String to = recipient("outage");
    UUID alertId = fixtures.alert(to, "outage search");
    double retriesBefore = failedCount(false);
    UUID emailId;

    smtp.stop();
    try {
      emailId =
          fixtures.enqueue(alertId, to, "outage search", listing("1", "Outage item", "10", null));
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> ((Integer) fixtures.row(emailId).get("attempts")) >= 1);
    } finally {
      smtp.start();
    }

    Map<String, Object> failed = fixtures.row(emailId);
    assertThat(failed.get("status")).isEqualTo("PENDING");
    assertThat((String) failed.get("last_error")).containsIgnoringCase("connect");
    // The test backoff is 1s, of which up to half is jitter.
    assertThat(instant(failed.get("next_attempt_at")))
        .isAfterOrEqualTo(instant(failed.get("created_at")).plusMillis(500));
    assertThat(failedCount(false)).isGreaterThan(retriesBefore);

    await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.status(emailId).equals("SENT"));
    assertThat(smtp.receivedBy(to)).hasSize(1);
    Map<String, Object> sent = fixtures.row(emailId);
    assertThat((Integer) sent.get("attempts")).isBetween(2, 3);
    assertThat(sent.get("last_error")).isNull();
  }

  @Test
  void emailThatKeepsFailingIsGivenUpWithoutHoldingUpOthers() {
    String poisonTo = recipient("poison");
    UUID poisonAlert = fixtures.alert(poisonTo, "poison search");
    String goodTo = recipient("good");
    UUID goodAlert = fixtures.alert(goodTo, "good search");
    double givenUpBefore = failedCount(true);

    // An email that can never be rendered, queued first, so it is due first.
    UUID poison = UUID.randomUUID();
    jdbc.sql(
            """
            insert into alert_email (id, alert_id, recipient, payload, status, attempts,
                                     next_attempt_at, created_at)
            values (?, ?, ?, '{"searchPhrase":"x","first":false,"listings":"oops"}'::jsonb,
                    'PENDING', 0, now() - interval '1 minute', now() - interval '1 minute')
            """)
        .params(poison, poisonAlert, poisonTo)
        .update();
    UUID good =
        fixtures.enqueue(goodAlert, goodTo, "good search", listing("2", "Good item", "20", null));

    await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.status(good).equals("SENT"));
    assertThat(smtp.receivedBy(goodTo)).hasSize(1);

    await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.status(poison).equals("FAILED"));
    Map<String, Object> given = fixtures.row(poison);
    assertThat(given.get("attempts")).isEqualTo(3);
    assertThat((String) given.get("last_error")).isNotBlank().doesNotContain("\n", "\tat ");
    Map<?, ?> status = (Map<?, ?>) fixtures.alertResource(poisonAlert).get("status");
    assertThat((String) status.get("lastError"))
        .isEqualTo(
            "Alert emails could not be delivered to "
                + poisonTo
                + " after 3 attempts: the email could not be prepared");
    assertThat(status.get("lastEmailAt")).isNull();
    assertThat(smtp.receivedBy(poisonTo)).isEmpty();
    assertThat(failedCount(true)).isEqualTo(givenUpBefore + 1);
  }

  @Test
  void concurrentSendersNeverSendAnEmailTwice() throws Exception {
    String to = recipient("concurrent");
    UUID alertId = fixtures.alert(to, "concurrent search");
    int count = 8;
    fixtures.enqueue(
        alertId,
        to,
        new AlertEmail(
            "concurrent search", false, List.of(listing("c0", "Concurrent item 0", "1", null))));
    for (int i = 1; i < count; i++) {
      fixtures.enqueue(
          alertId,
          to,
          new AlertEmail(
              "concurrent search",
              false,
              List.of(listing("c" + i, "Concurrent item " + i, "1", null))));
    }

    // Two more senders besides the scheduled one, started at the same moment.
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            threads.submit(
                () -> {
                  start.await();
                  sender.sendDue();
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      threads.shutdown();
    }

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                jdbc.sql("select count(*) from alert_email where alert_id = ? and status = 'SENT'")
                        .param(alertId)
                        .query(Long.class)
                        .single()
                    == count);
    List<MimeMessage> received = smtp.receivedBy(to);
    assertThat(received).hasSize(count);
    List<String> ids = new ArrayList<>();
    for (MimeMessage message : received) {
      ids.add(message.getMessageID());
    }
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(
            jdbc.sql("select max(attempts) from alert_email where alert_id = ?")
                .param(alertId)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void deletingAnAlertWhileItsEmailIsBeingSentWaitsInsteadOfDeadlocking() throws Exception {
    String to = recipient("delete");
    UUID alertId = fixtures.alert(to, "delete search");
    RestTestClient owner = fixtures.as(to);
    // Due tomorrow, so only this test's "sender" below takes it.
    UUID emailId = UUID.randomUUID();
    jdbc.sql(
            """
            insert into alert_email (id, alert_id, recipient, payload, status, attempts,
                                     next_attempt_at, created_at)
            values (?, ?, ?, '{}'::jsonb, 'PENDING', 0, now() + interval '1 day', now())
            """)
        .params(emailId, alertId, to)
        .update();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                jdbc.sql("select count(*) from alert_email where status = 'PENDING' and id <> ?")
                        .param(emailId)
                        .query(Long.class)
                        .single()
                    == 0);

    ExecutorService deleter = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> deleted =
          new TransactionTemplate(transactions)
              .execute(
                  tx -> {
                    EmailQueue.Queued locked =
                        queue.lockNextDue(Instant.now().plus(Duration.ofDays(2))).orElseThrow();
                    assertThat(locked.id()).isEqualTo(emailId);
                    Future<Integer> delete =
                        deleter.submit(
                            () ->
                                owner
                                    .delete()
                                    .uri("/api/alerts/{id}", alertId)
                                    .exchange()
                                    .returnResult()
                                    .getStatus()
                                    .value());
                    await()
                        .atMost(Duration.ofSeconds(10))
                        .until(
                            () ->
                                jdbc.sql(
                                            """
                                            select count(*) from pg_stat_activity
                                            where wait_event_type = 'Lock'
                                              and query ilike 'delete from alert %'
                                            """)
                                        .query(Long.class)
                                        .single()
                                    > 0);
                    queue.markSent(locked, Instant.now()); // as the sender does once SMTP took it
                    return delete;
                  });
      assertThat(deleted.get(10, TimeUnit.SECONDS)).isEqualTo(204);
    } finally {
      deleter.shutdown();
    }
    assertThat(
            jdbc.sql("select count(*) from alert_email where id = ?")
                .param(emailId)
                .query(Long.class)
                .single())
        .isZero();
  }

  private double failedCount(boolean given) {
    return meters.get("alerts.emails.failed").tag("final", String.valueOf(given)).counter().count();
  }

  private static Instant instant(Object timestamp) {
    return ((Timestamp) timestamp).toInstant();
  }
}
