package dev.ebayalerts.analytics.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.support.IntegrationTest;
import dev.ebayalerts.pubsub.ListingsObserved;
import dev.ebayalerts.pubsub.ObservedListing;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** price_observation is partitioned by UTC day (V10); the upkeep keeps the days ahead ready. */
@IntegrationTest
class PartitioningTests {

  @Autowired ListingsIngest ingest;
  @Autowired PartitionUpkeep upkeep;
  @Autowired Partitions partitions;
  @Autowired JdbcClient jdbc;

  @Test
  void ingestStoresTodaysAndAFutureDaysRowsInTheirDaysPartitions() {
    upkeep.run();
    UUID alert = UUID.randomUUID();
    Instant now = Instant.now();
    Instant inThreeDays = now.plus(Duration.ofDays(3));

    ingest.onBatch(List.of(fetch(alert, "today", now), fetch(alert, "later", inThreeDays)));

    assertThat(partitionOf(alert, "today")).isEqualTo(Partitions.nameOf(day(now)));
    assertThat(partitionOf(alert, "later")).isEqualTo(Partitions.nameOf(day(inThreeDays)));
  }

  @Test
  void theUpkeepKeepsTheConfiguredDaysAhead() {
    upkeep.run();
    LocalDate today = day(Instant.now());

    // analytics.partitions-ahead: 7
    for (int ahead = 0; ahead <= 7; ahead++) {
      assertThat(exists(Partitions.nameOf(today.plusDays(ahead)))).as("day +" + ahead).isTrue();
    }
  }

  @Test
  void aRowFarOutsideEveryDayLandsInTheDefaultPartition() {
    UUID alert = UUID.randomUUID();
    Instant farAhead = Instant.now().plus(Duration.ofDays(3650));
    Instant farBack = Instant.parse("2001-02-03T04:05:06Z");

    ingest.onBatch(List.of(fetch(alert, "ahead", farAhead), fetch(alert, "back", farBack)));

    assertThat(partitionOf(alert, "ahead")).isEqualTo(Partitions.DEFAULT);
    assertThat(partitionOf(alert, "back")).isEqualTo(Partitions.DEFAULT);
  }

  @Test
  void creatingADaysPartitionMovesThatDaysRowsOutOfTheDefault() {
    UUID alert = UUID.randomUUID();
    LocalDate day = LocalDate.of(2031, 5, 17);
    Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    Instant nextDay = noon.plus(Duration.ofDays(1));
    ingest.onBatch(List.of(fetch(alert, "that-day", noon), fetch(alert, "next-day", nextDay)));
    assertThat(partitionOf(alert, "that-day")).isEqualTo(Partitions.DEFAULT);

    assertThat(partitions.ensure(day, day)).containsExactly(day);

    assertThat(partitionOf(alert, "that-day")).isEqualTo(Partitions.nameOf(day));
    assertThat(partitionOf(alert, "next-day")).isEqualTo(Partitions.DEFAULT);
  }

  @Test
  void twoUpkeepsAtOnceCreateEachPartitionOnceAndBothSucceed() throws Exception {
    LocalDate first = LocalDate.of(2032, 3, 1);
    LocalDate last = first.plusDays(9);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<LocalDate>>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Callable<List<LocalDate>> run =
            () -> {
              start.await();
              return partitions.ensure(first, last);
            };
        runs.add(threads.submit(run));
      }
      List<LocalDate> created = new ArrayList<>();
      for (Future<List<LocalDate>> run : runs) {
        created.addAll(run.get()); // throws if either failed
      }

      // each day created by exactly one of the two
      assertThat(created).hasSize(10).doesNotHaveDuplicates();
    } finally {
      threads.shutdownNow();
    }
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      assertThat(exists(Partitions.nameOf(day))).isTrue();
    }

    // and the scheduled upkeep twice at once, on days that exist already: nothing happens
    CyclicBarrier again = new CyclicBarrier(2);
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            both.submit(
                () -> {
                  again.await();
                  upkeep.run();
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      both.shutdownNow();
    }
    assertThat(partitions.ensure(first, last)).isEmpty();
  }

  private boolean exists(String table) {
    return jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
  }

  private String partitionOf(UUID alert, String item) {
    return jdbc.sql(
            "select tableoid::regclass::text from price_observation where alert_id = ? and item_id = ?")
        .params(alert, item)
        .query(String.class)
        .single();
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  private static ListingsObserved fetch(UUID alert, String item, Instant at) {
    return ListingsObserved.of(
        alert,
        "camera",
        List.of(
            new ObservedListing(
                item,
                "Camera " + item,
                new BigDecimal("99.50"),
                "USD",
                null,
                null,
                "USED",
                "FIXED_PRICE",
                at)));
  }
}
