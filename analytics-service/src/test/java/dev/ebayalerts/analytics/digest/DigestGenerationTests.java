package dev.ebayalerts.analytics.digest;

import static dev.ebayalerts.analytics.digest.DigestData.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.analytics.digest.DigestGenerator.Outcome;
import dev.ebayalerts.analytics.digest.InsightDigest.AlertSection;
import dev.ebayalerts.analytics.support.IntegrationTest;
import dev.ebayalerts.testing.Smtp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Generation against real PostgreSQL: one digest per recipient covering all their active alerts,
 * and a new one only when the figures changed.
 */
@IntegrationTest
class DigestGenerationTests {

  @Autowired DigestGenerator generator;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired MeterRegistry meters;
  @Autowired Scheduler scheduler;

  DigestData data;
  final Smtp smtp = Smtp.forTests();
  final Instant now = Instant.now();

  @BeforeEach
  void data() {
    data = new DigestData(jdbc);
  }

  @Test
  void storesOneDigestPerRecipientCoveringAllTheirActiveAlerts() {
    String jane = recipient("jane");
    UUID camera = data.alert(jane, "camera");
    UUID lens = data.alert(jane, "lens");
    UUID vinyl = data.alert(jane, "vinyl"); // no observations yet
    UUID paused = data.alert(UUID.randomUUID(), jane, "paused search", false, false);
    UUID deleted = data.alert(UUID.randomUUID(), jane, "deleted search", false, true);
    String joe = recipient("joe");
    UUID joes = data.alert(joe, "camera");
    for (UUID alert : List.of(camera, lens, paused, deleted, joes)) {
      data.observe(alert, alert + "-1", "100.00", "USD", now.minus(Duration.ofDays(2)));
      data.observe(alert, alert + "-2", "120.00", "USD", now.minus(Duration.ofMinutes(5)));
    }
    double generatedBefore = generated();

    generator.generateAll();

    List<Map<String, Object>> janes = data.emails(jane);
    assertThat(janes).hasSize(1);
    InsightDigest digest =
        json.readValue(String.valueOf(janes.get(0).get("payload")), InsightDigest.class);
    assertThat(digest.alerts())
        .extracting(AlertSection::alertId)
        .containsExactly(camera, lens, vinyl); // by search phrase; paused and deleted left out
    assertThat(digest.alerts().get(2).hasData()).isFalse();
    assertThat(digest.alerts().get(0).currencies().get(0).lowest()).isEqualByComparingTo("100");
    assertThat(digest.alerts().get(0).currencies().get(0).highest()).isEqualByComparingTo("120");
    assertThat(digest.alerts().get(0).history()).hasSize(2);
    assertThat(data.emails(joe)).hasSize(1);
    assertThat(generated()).isGreaterThanOrEqualTo(generatedBefore + 2);
  }

  @Test
  void storesNothingWhenNothingChangedAndANewDigestWhenAPriceMoves() {
    String to = recipient("unchanged");
    UUID alert = data.alert(to, "nintendo switch");
    data.observe(alert, "a", "300.00", "USD", now.minus(Duration.ofDays(3)));
    data.observe(alert, "a", "250.00", "USD", now.minus(Duration.ofMinutes(5)));

    assertThat(generator.generateFor(to)).isEqualTo(Outcome.STORED);
    UUID first = (UUID) data.emails(to).get(0).get("id");
    await().atMost(Duration.ofSeconds(15)).until(() -> data.status(first).equals("SENT"));

    // the same listing seen again at the same price: the figures are the same
    data.observe(alert, "a", "250.00", "USD", now.minus(Duration.ofMinutes(4)));
    assertThat(generator.generateFor(to)).isEqualTo(Outcome.UNCHANGED);
    assertThat(data.emails(to)).hasSize(1);
    assertThat(smtp.receivedBy(to)).hasSize(1);

    data.observe(alert, "b", "199.00", "USD", now.minus(Duration.ofMinutes(3)));
    assertThat(generator.generateFor(to)).isEqualTo(Outcome.STORED);
    assertThat(data.emails(to)).hasSize(2);
    await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedBy(to).size() == 2);
  }

  @Test
  void storesNothingForARecipientWithoutData() {
    String to = recipient("nodata");
    data.alert(to, "nothing seen yet");

    assertThat(generator.generateFor(to)).isEqualTo(Outcome.NO_DATA);
    assertThat(data.emails(to)).isEmpty();
  }

  @Test
  void twoGeneratorsAtOnceStoreTheDigestOnce() throws Exception {
    String to = recipient("concurrent");
    UUID alert = data.alert(to, "concurrent search");
    data.observe(alert, "a", "10.00", "USD", now.minus(Duration.ofMinutes(5)));

    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Outcome> one = threads.submit(() -> generate(start, to));
      Future<Outcome> two = threads.submit(() -> generate(start, to));
      assertThat(List.of(one.get(), two.get()))
          .containsExactlyInAnyOrder(Outcome.STORED, Outcome.UNCHANGED);
    } finally {
      threads.shutdown();
    }
    assertThat(data.emails(to)).hasSize(1);
  }

  @Test
  void theQuartzJobGeneratesDigests() throws Exception {
    String to = recipient("quartz");
    UUID alert = data.alert(to, "scheduled search");
    data.observe(alert, "q", "10.00", "USD", now.minus(Duration.ofMinutes(5)));
    JobKey key = JobKey.jobKey("insight-digest-test");
    scheduler.addJob(
        JobBuilder.newJob(DigestScheduling.InsightDigestJob.class)
            .withIdentity(key)
            .storeDurably()
            .build(),
        true);
    try {
      scheduler.triggerJob(key);

      await().atMost(Duration.ofSeconds(15)).until(() -> data.emails(to).size() == 1);
    } finally {
      // the one-shot trigger must have fired and gone before its job can be deleted
      await().atMost(Duration.ofSeconds(15)).until(() -> scheduler.getTriggersOfJob(key).isEmpty());
      scheduler.deleteJob(key);
    }
  }

  private Outcome generate(CyclicBarrier start, String recipient) throws Exception {
    start.await();
    return generator.generateFor(recipient);
  }

  private double generated() {
    return meters.get("analytics.digest.generated").counter().count();
  }
}
