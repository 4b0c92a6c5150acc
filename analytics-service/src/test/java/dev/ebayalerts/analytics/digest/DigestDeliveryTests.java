package dev.ebayalerts.analytics.digest;

import static dev.ebayalerts.analytics.digest.DigestData.recipient;
import static java.time.temporal.ChronoUnit.MINUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.analytics.digest.DigestGenerator.Outcome;
import dev.ebayalerts.analytics.insight.CurrencyInsights;
import dev.ebayalerts.analytics.insight.Insights;
import dev.ebayalerts.analytics.support.IntegrationTest;
import dev.ebayalerts.pubsub.links.LinkSettings;
import dev.ebayalerts.pubsub.links.UnsubscribeLinks;
import dev.ebayalerts.testing.Smtp;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * From a fixture of known prices to the email GreenMail receives: one per recipient, with the
 * figures in both parts, an inline chart, working unsubscribe links, and retries that lose or
 * double nothing: a digest that keeps failing is parked and retried slowly, never given up.
 */
@IntegrationTest
class DigestDeliveryTests {

  @Autowired DigestGenerator generator;
  @Autowired Insights insights;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;
  @Autowired DigestSender sender;

  DigestData data;
  final Smtp smtp = Smtp.forTests();
  final Instant now = Instant.now();

  @BeforeEach
  void data() {
    data = new DigestData(jdbc);
  }

  @Test
  void recipientGetsOneEmailWithEveryActiveAlertsFiguresAndChart() throws Exception {
    String to = recipient("jane");
    // the alert id of the token vector both services check
    UUID switchAlert = data.alert(DigestFixtures.SWITCH, to, "nintendo switch", true, false);
    UUID lens = data.alert(to, "lens");
    UUID paused = data.alert(UUID.randomUUID(), to, "paused search", false, false);
    // daily prices: 3 days ago A 300, B 200; yesterday A 250; today A 240, B 200, C 260
    data.observe(switchAlert, "A", "300.00", "USD", now.minus(Duration.ofDays(3)));
    data.observe(switchAlert, "B", "200.00", "USD", now.minus(Duration.ofDays(3)));
    data.observe(switchAlert, "A", "250.00", "USD", now.minus(Duration.ofDays(1)));
    data.observe(switchAlert, "A", "240.00", "USD", now.minus(Duration.ofSeconds(30)));
    data.observe(switchAlert, "B", "200.00", "USD", now.minus(Duration.ofSeconds(30)));
    data.observe(switchAlert, "C", "260.00", "USD", now.minus(Duration.ofSeconds(30)));
    data.observe(lens, "L", "80.00", "EUR", now.minus(Duration.ofDays(2)));
    data.observe(paused, "P", "1.00", "USD", now.minus(Duration.ofDays(2)));
    double sentBefore = meters.get("analytics.digest.sent").counter().count();

    assertThat(generator.generateFor(to)).isEqualTo(Outcome.STORED);

    await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedBy(to).size() == 1);
    MimeMessage message = smtp.receivedBy(to).get(0);
    UUID emailId = (UUID) data.emails(to).get(0).get("id");
    await().atMost(Duration.ofSeconds(5)).until(() -> data.status(emailId).equals("SENT"));
    assertThat(meters.get("analytics.digest.sent").counter().count()).isGreaterThan(sentBefore);

    assertThat(message.getSubject()).isEqualTo("Price insights for your 2 eBay searches");
    assertThat(message.getMessageID()).isEqualTo("<insights-" + emailId + "@localhost>");
    // a digest of several alerts has no one-click header: it would pause one alert only
    assertThat(message.getHeader("List-Unsubscribe")).isNull();

    Parts parts = Parts.of(message);
    assertThat(parts.images).hasSize(2);
    List<String> contentIds = new ArrayList<>();
    for (Part chart : parts.images) {
      String contentId = chart.getHeader("Content-ID")[0];
      contentIds.add(contentId);
      assertThat(chart.getDisposition()).isEqualTo(Part.INLINE);
      assertThat(parts.html)
          .contains("src=\"cid:" + contentId.substring(1, contentId.length() - 1) + "\"");
      try (InputStream png = chart.getInputStream()) {
        assertThat(ImageIO.read(png).getWidth()).isEqualTo(600);
      }
    }
    assertThat(contentIds)
        .containsExactlyInAnyOrder(
            "<chart-" + switchAlert + "@ebay-alerts>", "<chart-" + lens + "@ebay-alerts>");
    assertThat(parts.html)
        .contains("alt=\"Price of &quot;nintendo switch&quot; over the last 14 days");

    CurrencyInsights usd = insights.forAlert(switchAlert).currencies().get(0);
    for (String body : List.of(parts.html, parts.text)) {
      assertThat(body)
          .contains("nintendo switch", "lens")
          .doesNotContain("paused search")
          .contains("3 listings tracked, 3 new")
          .contains("$200.00", "$300.00") // lowest, highest
          .contains(DigestRenderer.price(usd.median(), "USD"))
          .contains(DigestRenderer.price(usd.average(), "USD"))
          .contains("EUR 80.00")
          .contains("https://www.ebay.com/itm/A")
          .contains("https://alerts.example.com/unsubscribe/" + DigestFixtures.SWITCH_TOKEN);
    }
    assertThat(usd.lowest()).isEqualByComparingTo("200");
    assertThat(usd.highest()).isEqualByComparingTo("300");
    assertThat(usd.median()).isEqualByComparingTo("245"); // 200 200 240 | 250 260 300
  }

  @Test
  void digestStoredDuringAMailOutageIsDeliveredOnceItIsBack() throws Exception {
    String to = recipient("outage");
    UUID alert = data.alert(to, "outage search");
    data.observe(alert, "o", "50.00", "USD", now.minus(Duration.ofHours(1)));
    UUID emailId;

    smtp.stop();
    try {
      assertThat(generator.generateFor(to)).isEqualTo(Outcome.STORED);
      emailId = (UUID) data.emails(to).get(0).get("id");
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> ((Integer) data.email(emailId).get("attempts")) >= 1);
      Map<String, Object> failed = data.email(emailId);
      assertThat(failed.get("status")).isEqualTo("PENDING");
      assertThat((String) failed.get("last_error")).containsIgnoringCase("connect");

      // while it waits, newer figures are not queued behind it
      data.observe(alert, "o", "45.00", "USD", now.minus(Duration.ofMinutes(1)));
      assertThat(generator.generateFor(to)).isEqualTo(Outcome.PREVIOUS_PENDING);
    } finally {
      smtp.start();
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> data.status(emailId).equals("SENT"));
    List<MimeMessage> received = smtp.receivedBy(to);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getMessageID()).isEqualTo("<insights-" + emailId + "@localhost>");
    // one alert: one-click unsubscribe (RFC 8058) pauses it
    assertThat(received.get(0).getHeader("List-Unsubscribe"))
        .containsExactly("<https://alerts.example.com/unsubscribe/" + links(alert) + ">");
    assertThat(received.get(0).getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    assertThat(data.email(emailId).get("last_error")).isNull();

    // the figures held back are stored now
    assertThat(generator.generateFor(to)).isEqualTo(Outcome.STORED);
    await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedBy(to).size() == 2);
  }

  @Test
  void digestThatKeepsFailingIsParkedNotGivenUpAndGoesOutWhenMailWorksAgain() throws Exception {
    String to = recipient("parked");
    UUID alert = data.alert(to, "parked search");
    data.observe(alert, "k", "30.00", "USD", now.minus(Duration.ofHours(1)));
    double parkedBefore = parked();
    UUID emailId;

    smtp.stop();
    try {
      assertThat(generator.generateFor(to)).isEqualTo(Outcome.STORED);
      emailId = (UUID) data.emails(to).get(0).get("id");
      await().atMost(Duration.ofSeconds(15)).until(() -> data.status(emailId).equals("PARKED"));
      Map<String, Object> parked = data.email(emailId);
      assertThat(parked.get("attempts")).isEqualTo(3); // analytics.digest.max-attempts
      assertThat((String) parked.get("last_error")).containsIgnoringCase("connect");
      // tried again on the slow schedule (analytics.digest.parked-retry, 1h), never given up
      assertThat(instant(parked.get("next_attempt_at")))
          .isBetween(
              Instant.now().plus(Duration.ofMinutes(55)),
              Instant.now().plus(Duration.ofMinutes(61)));
      assertThat(parked()).isGreaterThanOrEqualTo(parkedBefore + 1);

      // newer figures neither pile up behind it nor replace it
      data.observe(alert, "k", "25.00", "USD", now.minus(Duration.ofMinutes(1)));
      assertThat(generator.generateFor(to)).isEqualTo(Outcome.PREVIOUS_PENDING);
      assertThat(data.emails(to)).hasSize(1);
    } finally {
      smtp.start();
    }

    data.dueNow(emailId); // an hour later
    await().atMost(Duration.ofSeconds(15)).until(() -> data.status(emailId).equals("SENT"));
    List<MimeMessage> received = smtp.receivedBy(to);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getMessageID()).isEqualTo("<insights-" + emailId + "@localhost>");
    assertThat(data.email(emailId).get("last_error")).isNull();

    // the figures held back go out next
    assertThat(generator.generateFor(to)).isEqualTo(Outcome.STORED);
    await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedBy(to).size() == 2);
  }

  @Test
  void digestWhoseAlertsWerePausedBeforeItWentOutIsNotSent() {
    String to = recipient("paused");
    UUID alert = data.alert(to, "soon paused");
    data.observe(alert, "p", "10.00", "USD", now.minus(Duration.ofHours(1)));
    UUID emailId;

    smtp.stop();
    try {
      assertThat(generator.generateFor(to)).isEqualTo(Outcome.STORED);
      emailId = (UUID) data.emails(to).get(0).get("id");
      data.pause(alert);
    } finally {
      smtp.start();
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> data.status(emailId).equals("CANCELLED"));
    assertThat(smtp.receivedBy(to)).isEmpty();
  }

  @Test
  void digestThatCannotBeSentIsParkedAfterMaxAttemptsWithoutHoldingUpOthers() {
    String to = recipient("poison");
    double failedBefore = failedAttempts();
    UUID poison = UUID.randomUUID();
    jdbc.sql(
            """
            insert into insight_email (id, recipient, payload, fingerprint, status, attempts,
                                       next_attempt_at, created_at)
            values (?, ?, '{"alerts":"oops"}'::jsonb, 'x', 'PENDING', 0,
                    now() - interval '1 minute', now() - interval '1 minute')
            """)
        .params(poison, to)
        .update();
    String goodTo = recipient("good");
    UUID alert = data.alert(goodTo, "good search");
    data.observe(alert, "g", "10.00", "USD", now.minus(Duration.ofHours(1)));
    generator.generateFor(goodTo);

    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.receivedBy(goodTo).size() == 1);
    await().atMost(Duration.ofSeconds(15)).until(() -> data.status(poison).equals("PARKED"));
    Map<String, Object> parked = data.email(poison);
    assertThat(parked.get("attempts")).isEqualTo(3);
    assertThat((String) parked.get("last_error")).isNotBlank().doesNotContain("\n");
    assertThat(instant(parked.get("next_attempt_at"))).isAfter(Instant.now().plus(55, MINUTES));
    assertThat(failedAttempts()).isGreaterThanOrEqualTo(failedBefore + 3);
    assertThat(smtp.receivedBy(to)).isEmpty();
    jdbc.sql("delete from insight_email where id = ?").param(poison).update();
  }

  @Test
  void oldDigestsAreDeletedButNeverUnsentOnes() {
    String to = recipient("old");
    String parkedTo = recipient("oldparked");
    UUID oldSent = UUID.randomUUID();
    UUID oldPending = UUID.randomUUID();
    UUID oldParked = UUID.randomUUID();
    jdbc.sql(
            """
            insert into insight_email (id, recipient, payload, fingerprint, status, attempts,
                                       next_attempt_at, created_at)
            values (?, ?, '{}'::jsonb, 'x', 'SENT', 1, now(), now() - interval '31 days'),
                   (?, ?, '{}'::jsonb, 'y', 'PENDING', 0, now() + interval '1 day',
                    now() - interval '31 days'),
                   (?, ?, '{}'::jsonb, 'z', 'PARKED', 40, now() + interval '1 hour',
                    now() - interval '31 days')
            """)
        .params(oldSent, to, oldPending, to, oldParked, parkedTo)
        .update();

    sender.deleteOld();

    assertThat(data.emails(to)).extracting(row -> row.get("id")).containsExactly(oldPending);
    assertThat(data.emails(parkedTo)).extracting(row -> row.get("id")).containsExactly(oldParked);
    jdbc.sql("delete from insight_email where id in (?, ?)").params(oldPending, oldParked).update();
  }

  private double failedAttempts() {
    return meters.get("analytics.digest.failed").counter().count();
  }

  private double parked() {
    return meters.get("analytics.digest.parked").gauge().value();
  }

  private static Instant instant(Object timestamp) {
    return timestamp instanceof java.sql.Timestamp sql
        ? sql.toInstant()
        : ((java.time.OffsetDateTime) timestamp).toInstant();
  }

  private String links(UUID alert) {
    return new UnsubscribeLinks(
            new LinkSettings("https://alerts.example.com", DigestFixtures.LINK_SECRET))
        .tokenFor(alert);
  }

  /** The parts of a received email, wherever they sit in its multipart tree. */
  static final class Parts {
    String html;
    String text;
    final List<Part> images = new ArrayList<>();

    static Parts of(MimeMessage message) throws Exception {
      Parts parts = new Parts();
      parts.collect(message);
      return parts;
    }

    private void collect(Part part) throws Exception {
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child);
        }
      } else if (part.isMimeType("text/html")) {
        html = (String) part.getContent();
      } else if (part.isMimeType("text/plain")) {
        text = (String) part.getContent();
      } else if (part.isMimeType("image/png")) {
        images.add(part);
      }
    }
  }
}
