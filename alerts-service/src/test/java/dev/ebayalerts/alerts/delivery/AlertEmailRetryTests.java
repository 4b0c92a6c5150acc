package dev.ebayalerts.alerts.delivery;

import static dev.ebayalerts.alerts.delivery.EmailFixtures.listing;
import static dev.ebayalerts.alerts.delivery.EmailFixtures.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.testing.Smtp;
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
 * Failures: an outage delays emails but loses or doubles none, even one of hours; an email that
 * keeps failing is parked without holding up others; concurrent senders never send the same email.
 */
@IntegrationTest
class AlertEmailRetryTests {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(AlertEmailRetryTests.class);

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired Deliveries deliveries;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DeliverySender sender;
  @Autowired DeliveryQueue queue;
  @Autowired MeterRegistry meters;

  EmailFixtures fixtures;
  Smtp smtp = Smtp.forTests();

  @BeforeEach
  void fixtures() {
    fixtures = new EmailFixtures(http, jdbc, deliveries, transactions, signInLinks);
  }

  @Test
  void emailQueuedDuringAMailServerOutageIsDeliveredOnceItIsBack() {
    String to = recipient("outage");
    UUID alertId = fixtures.alert(to, "outage search");
    double retriesBefore = failedCount();
    UUID emailId;

    smtp.stop();
    try {
      emailId = fixtures.enqueue(alertId, "outage search", listing("1", "Outage item", "10", null));
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
    assertThat(failedCount()).isGreaterThan(retriesBefore);

    await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.status(emailId).equals("SENT"));
    assertThat(smtp.receivedBy(to)).hasSize(1);
    Map<String, Object> sent = fixtures.row(emailId);
    assertThat((Integer) sent.get("attempts")).isBetween(2, 3);
    assertThat(sent.get("last_error")).isNull();
  }

  /**
   * Six hours of a mail server that refuses connections, on a simulated clock (the test drives the
   * sender minute by minute; its own threads are stopped meanwhile): every email is parked, none is
   * given up, and once the server is back each arrives exactly once, an alert's two in order.
   */
  @Test
  void aSixHourMailOutageDeliversEveryEmailExactlyOnceWhenItEnds() throws Exception {
    List<String> recipients = new ArrayList<>();
    List<UUID> deliveryIds = new ArrayList<>();
    sender.stop();
    smtp.stop();
    try {
      for (int i = 0; i < 3; i++) {
        String to = recipient("six-hours-" + i);
        UUID alertId = fixtures.alert(to, "six hours " + i);
        recipients.add(to);
        deliveryIds.add(
            fixtures.enqueue(
                alertId, "six hours " + i, listing("6h" + i, "Item " + i, "10", null)));
        if (i == 0) {
          // A second email for the same alert: it waits behind the first and follows it.
          fixtures.enqueue(
              new NoticePayload(
                  alertId,
                  "six hours 0",
                  false,
                  List.of(listing("6hb", "Item b", "9", null)),
                  Map.of()));
        }
      }
      UUID second =
          jdbc.sql(
                  "select id from delivery where alert_id = (select alert_id from delivery where id = ?)"
                      + " and id <> ?")
              .params(deliveryIds.get(0), deliveryIds.get(0))
              .query(UUID.class)
              .single();
      deliveryIds.add(second);

      Instant now = Instant.now();
      Instant outageEnds = now.plus(Duration.ofHours(6));
      for (; now.isBefore(outageEnds); now = now.plus(Duration.ofMinutes(1))) {
        drain(now);
      }
      for (UUID id : deliveryIds) {
        Map<String, Object> row = fixtures.row(id);
        assertThat(row.get("status")).as("delivery %s after 6 hours", id).isIn("PARKED", "PENDING");
      }
      // 3 quick attempts, then about one an hour: tried all along, never given up.
      assertThat((Integer) fixtures.row(deliveryIds.get(1)).get("attempts")).isBetween(7, 10);
      assertThat(fixtures.status(deliveryIds.get(1))).isEqualTo("PARKED");
      // The alert's second email never went before its first.
      assertThat(fixtures.row(second).get("attempts")).isEqualTo(0);
      for (String to : recipients) {
        assertThat(smtp.receivedBy(to)).isEmpty();
      }

      int attemptsDuringOutage = (Integer) fixtures.row(deliveryIds.get(1)).get("attempts");
      smtp.start();
      Instant back = now;
      Instant deadline = now.plus(Duration.ofHours(2));
      for (;
          now.isBefore(deadline) && !allSent(deliveryIds);
          now = now.plus(Duration.ofMinutes(1))) {
        drain(now);
      }
      log.info(
          "Six-hour mail outage (simulated clock): {} attempts per email during it, all delivered"
              + " {} min after the server was back",
          attemptsDuringOutage,
          Duration.between(back, now).toMinutes());
    } finally {
      smtp.start();
      sender.start();
    }
    assertThat(deliveryIds).allSatisfy(id -> assertThat(fixtures.status(id)).isEqualTo("SENT"));
    assertThat(smtp.receivedBy(recipients.get(1))).hasSize(1);
    assertThat(smtp.receivedBy(recipients.get(2))).hasSize(1);
    List<MimeMessage> first = smtp.receivedBy(recipients.get(0));
    assertThat(first).hasSize(2);
    assertThat(first.get(0).getMessageID()).contains(deliveryIds.get(0).toString());
    assertThat(first.get(1).getMessageID()).contains(deliveryIds.get(3).toString());
  }

  private void drain(Instant now) {
    while (sender.sendNext(true, now) != DeliverySender.Outcome.NONE_DUE) {
      // each call sends (or fails) one due email
    }
  }

  private boolean allSent(List<UUID> ids) {
    return ids.stream().allMatch(id -> fixtures.status(id).equals("SENT"));
  }

  @Test
  void emailThatKeepsFailingIsParkedWithoutHoldingUpOthers() {
    String poisonTo = recipient("poison");
    UUID poisonAlert = fixtures.alert(poisonTo, "poison search");
    String goodTo = recipient("good");
    UUID goodAlert = fixtures.alert(goodTo, "good search");
    double parkedBefore = meters.get("alerts.deliveries.parked").gauge().value();

    // An email that can never be rendered, queued first, so it is due first.
    UUID poison = UUID.randomUUID();
    jdbc.sql(
            """
            insert into delivery (id, alert_id, channel_id, payload, status, attempts,
                                  next_attempt_at, dedupe_key, created_at)
            values (?, ?, ?, '{"searchPhrase":"x","first":false,"listings":"oops"}'::jsonb,
                    'PENDING', 0, now() - interval '1 minute', ?, now() - interval '1 minute')
            """)
        .params(poison, poisonAlert, fixtures.emailChannelOf(poisonAlert), poison.toString())
        .update();
    UUID good = fixtures.enqueue(goodAlert, "good search", listing("2", "Good item", "20", null));

    await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.status(good).equals("SENT"));
    assertThat(smtp.receivedBy(goodTo)).hasSize(1);

    await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.status(poison).equals("PARKED"));
    Map<String, Object> parked = fixtures.row(poison);
    assertThat(parked.get("attempts")).isEqualTo(3);
    assertThat((String) parked.get("last_error")).isNotBlank().doesNotContain("\n", "\tat ");
    // Parked: tried again on the slow schedule (1 hour), not given up.
    assertThat(instant(parked.get("next_attempt_at")))
        .isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    Map<?, ?> resource = fixtures.alertResource(poisonAlert);
    Map<?, ?> status = (Map<?, ?>) resource.get("status");
    assertThat((String) status.get("lastError"))
        .isEqualTo(
            "Alert emails could not be delivered to "
                + poisonTo
                + ": the message could not be prepared. They are retried every hour until they go"
                + " out.");
    assertThat(status.get("lastEmailAt")).isNull();
    assertThat((String) status.get("channelError"))
        .isEqualTo(
            "EMAIL: Not delivered: the message could not be prepared (3 failed attempts in a"
                + " row). 1 message waits and is retried every hour until it works.");
    assertThat(smtp.receivedBy(poisonTo)).isEmpty();
    assertThat(meters.get("alerts.deliveries.parked").gauge().value())
        .isGreaterThanOrEqualTo(parkedBefore + 1);
  }

  @Test
  void concurrentSendersNeverSendAnEmailTwice() throws Exception {
    String to = recipient("concurrent");
    UUID alertId = fixtures.alert(to, "concurrent search");
    int count = 8;
    for (int i = 0; i < count; i++) {
      fixtures.enqueue(
          new NoticePayload(
              alertId,
              "concurrent search",
              false,
              List.of(listing("c" + i, "Concurrent item " + i, "1", null)),
              Map.of()));
    }

    // Two more senders besides the scheduled ones, started at the same moment.
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            threads.submit(
                () -> {
                  start.await();
                  sender.sendDue(true);
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
                jdbc.sql("select count(*) from delivery where alert_id = ? and status = 'SENT'")
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
            jdbc.sql("select max(attempts) from delivery where alert_id = ?")
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
    // Other tests' parked emails would be due before this one.
    jdbc.sql("delete from delivery where status = 'PARKED'").update();
    // Due tomorrow, so only this test's "sender" below takes it.
    UUID emailId = UUID.randomUUID();
    jdbc.sql(
            """
            insert into delivery (id, alert_id, channel_id, payload, status, attempts,
                                  next_attempt_at, dedupe_key, created_at)
            values (?, ?, ?, '{}'::jsonb, 'PENDING', 0, now() + interval '1 day', ?, now())
            """)
        .params(emailId, alertId, fixtures.emailChannelOf(alertId), emailId.toString())
        .update();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from delivery d"
                                + " join alert_channel c on c.id = d.channel_id"
                                + " where c.type = 'EMAIL' and d.status = 'PENDING' and d.id <> ?")
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
                    Delivery locked =
                        queue
                            .lockNextDue(true, Instant.now().plus(Duration.ofDays(2)))
                            .orElseThrow();
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
            jdbc.sql("select count(*) from delivery where id = ?")
                .param(emailId)
                .query(Long.class)
                .single())
        .isZero();
  }

  private double failedCount() {
    return meters.counter("alerts.deliveries.failed", "channel", "EMAIL").count();
  }

  private static Instant instant(Object timestamp) {
    return ((Timestamp) timestamp).toInstant();
  }
}
