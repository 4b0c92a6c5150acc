package dev.ebayalerts.alerts.delivery;

import static dev.ebayalerts.alerts.delivery.EmailFixtures.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.testing.Smtp;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;

/** How long deliveries and notices live: expired ones are dropped, old ones cleaned up. */
@IntegrationTest
class DeliveryLifecycleTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired Deliveries deliveries;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DeliveryRetention retention;

  EmailFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new EmailFixtures(http, jdbc, deliveries, transactions, signInLinks);
  }

  @Test
  void aNoticeAboutAuctionsThatEndedIsDroppedWithAReasonNotSent() {
    String to = recipient("expired");
    UUID alertId = fixtures.alert(to, "expired auction");
    NoticeListing ended =
        new NoticeListing(
            "e1",
            "Ended auction",
            new BigDecimal("5.00"),
            "USD",
            null,
            null,
            "https://www.ebay.com/itm/e1",
            "Used",
            "AUCTION",
            Instant.now().minus(Duration.ofMinutes(1)),
            List.of(NoticeListing.Reason.ENDING_SOON));
    fixtures.enqueue(
        new NoticePayload(alertId, "expired auction", false, List.of(ended), Map.of()));
    UUID id = fixtures.onlyEmailOf(alertId);

    await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.status(id).equals("DROPPED"));
    assertThat(fixtures.row(id).get("last_error"))
        .isEqualTo("Dropped: every auction it told about had ended");
    assertThat(Smtp.forTests().receivedBy(to)).isEmpty();
  }

  @Test
  void aNoticeWithAnyListingThatDoesNotEndIsNeverDropped() {
    NoticeListing auction =
        new NoticeListing(
            "a1",
            "Auction",
            BigDecimal.ONE,
            "USD",
            null,
            null,
            null,
            null,
            "AUCTION",
            Instant.now().minus(Duration.ofMinutes(1)),
            List.of());
    NoticeListing fixed =
        new NoticeListing(
            "f1",
            "Fixed",
            BigDecimal.ONE,
            "USD",
            null,
            null,
            null,
            null,
            "FIXED_PRICE",
            null,
            List.of());
    Instant end = Instant.now().plus(Duration.ofHours(2));
    NoticeListing later =
        new NoticeListing(
            "a2",
            "Later",
            BigDecimal.ONE,
            "USD",
            null,
            null,
            null,
            null,
            "AUCTION",
            end,
            List.of());

    assertThat(new NoticePayload(null, "x", false, List.of(auction, fixed), Map.of()).usefulUntil())
        .isNull();
    assertThat(new NoticePayload(null, "x", false, List.of(auction, later), Map.of()).usefulUntil())
        .isEqualTo(end);
  }

  @Test
  void oldDoneDeliveriesAndNoticesBeyondTheFeedAreDeletedParkedOnesKept() {
    String to = recipient("retention");
    UUID alertId = fixtures.alert(to, "retention");
    UUID channel = fixtures.emailChannelOf(alertId);
    Instant old = Instant.now().minus(Duration.ofDays(40));
    UUID oldSent = delivery(alertId, channel, "SENT", old);
    UUID oldCancelled = delivery(alertId, channel, "CANCELLED", old);
    UUID oldParked = delivery(alertId, channel, "PARKED", old.plusSeconds(1));
    UUID recentSent = delivery(alertId, channel, "SENT", Instant.now().minus(Duration.ofDays(1)));
    for (int i = 0; i < 105; i++) {
      jdbc.sql("insert into notice (id, alert_id, payload, created_at) values (?, ?, '{}', ?)")
          .params(UUID.randomUUID(), alertId, Timestamp.from(old.plusSeconds(i)))
          .update();
    }

    DeliveryRetention.Purged purged = retention.purge(Instant.now().minus(Duration.ofDays(30)));

    assertThat(purged.deliveries()).isGreaterThanOrEqualTo(2);
    assertThat(exists(oldSent)).isFalse();
    assertThat(exists(oldCancelled)).isFalse();
    assertThat(exists(oldParked)).isTrue();
    assertThat(exists(recentSent)).isTrue();
    // The feed's newest 100 stay, whatever their age.
    assertThat(
            jdbc.sql("select count(*) from notice where alert_id = ?")
                .param(alertId)
                .query(Long.class)
                .single())
        .isEqualTo(100);
    assertThat(
            jdbc.sql("select min(created_at) from notice where alert_id = ?")
                .param(alertId)
                .query(Timestamp.class)
                .single()
                .toInstant())
        .isBetween(old.plusMillis(4500), old.plusMillis(5500));
    jdbc.sql("delete from delivery where id = ?").param(oldParked).update();
  }

  private UUID delivery(UUID alertId, UUID channel, String status, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into delivery (id, alert_id, channel_id, payload, status, attempts,
                                  next_attempt_at, dedupe_key, created_at)
            values (?, ?, ?, '{}'::jsonb, ?, 1, now() + interval '1 day', ?, ?)""")
        .params(id, alertId, channel, status, id.toString(), Timestamp.from(at))
        .update();
    return id;
  }

  private boolean exists(UUID id) {
    return jdbc.sql("select count(*) from delivery where id = ?")
            .param(id)
            .query(Long.class)
            .single()
        == 1;
  }
}
