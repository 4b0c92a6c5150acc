package dev.ebayalerts.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.bench.BenchReport;
import dev.ebayalerts.alerts.bench.BenchTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a page of the alert list spends its time, stage by stage, on one thread and without HTTP:
 * the page statement with its mapping to alerts, the responses (links, status), and the JSON the
 * API writes. Pages of 1, 20 and 50 alerts tell the fixed cost of a page from what each alert on it
 * adds; a statement that returns one row is the round trip's share. It explains the API benchmark's
 * list figures: the alerts API section reads them against the liveness probe.
 *
 * <p>{@code -Dbench.list.iterations=3000}.
 */
@BenchTest
class AlertListStagesBenchmarkTests {

  private static final Logger log = LoggerFactory.getLogger(AlertListStagesBenchmarkTests.class);

  @Autowired AlertService service;
  @Autowired AlertViews views;
  @Autowired FeedLinks feeds;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  record Stages(int size, double statement, double responses, double json, int bytes) {
    double total() {
      return statement + responses + json;
    }
  }

  @Test
  void stagesOfOnePage() {
    int iterations = Integer.getInteger("bench.list.iterations", 3000);
    String owner = "list-stages-" + UUID.randomUUID() + "@example.com";
    for (int i = 0; i < 50; i++) {
      service.create(
          json.readValue(
              "{\"email\":\"%s\",\"searchPhrase\":\"list stages %d\",\"frequencyMinutes\":10}"
                  .formatted(owner, i % 5),
              AlertRequest.class));
    }
    try {
      int[] sizes = {1, 20, 50};
      for (int size : sizes) {
        measure(owner, size, iterations); // warm-up: the JIT compiles what is measured next
      }
      roundTrip(iterations);
      double roundTrip = roundTrip(iterations);
      List<Stages> stages = new ArrayList<>();
      for (int size : sizes) {
        stages.add(measure(owner, size, iterations));
      }
      stages.forEach(s -> log.info("List stages: {}", s));
      BenchReport.write("list-stages", report(stages, roundTrip, iterations));
    } finally {
      jdbc.sql("delete from alert where email = ?").param(owner).update();
    }
  }

  private Stages measure(String owner, int size, int iterations) {
    PageRequest request = PageRequest.of(0, size);
    Page<AlertViews.View> page = null;
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      page = views.page(owner, request);
    }
    long read = System.nanoTime();
    AlertPage answer = null;
    for (int i = 0; i < iterations; i++) {
      answer = AlertPage.from(page, feeds);
    }
    long built = System.nanoTime();
    int bytes = 0;
    for (int i = 0; i < iterations; i++) {
      bytes = json.writeValueAsBytes(answer).length;
    }
    long written = System.nanoTime();
    assertThat(answer.content()).hasSize(size);
    return new Stages(
        size,
        micros(read - start, iterations),
        micros(built - read, iterations),
        micros(written - built, iterations),
        bytes);
  }

  private double roundTrip(int iterations) {
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      jdbc.sql("select 1").query(Integer.class).single();
    }
    return micros(System.nanoTime() - start, iterations);
  }

  private static double micros(long nanos, int iterations) {
    return nanos / 1000.0 / iterations;
  }

  private static String report(List<Stages> stages, double roundTrip, int iterations) {
    Stages one = stages.get(0);
    Stages last = stages.get(stages.size() - 1);
    double perAlert = (last.total() - one.total()) / (last.size() - one.size());
    StringBuilder out = new StringBuilder("## Alert list, stage by stage\n\n");
    out.append(
        BenchReport.header(
            "./mvnw -B -Pbench verify -pl alerts-service -am -Dtest=AlertListStagesBenchmarkTests"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dbench.list.iterations="
                + iterations));
    out.append(
        """

        One thread, no HTTP, in the benchmark's context: the owner's page read %d times in a row \
        after a warm-up of every size, each stage timed on its own. Statement: the page statement and its \
        mapping to alerts with their channels (`AlertViews.page`). Responses: each alert's \
        response with its links and status (`AlertPage.from`). JSON: the page written by the \
        API's own mapper. Baseline: a statement returning one row, %s µs: the round trip to the \
        database.

        | alerts on the page | statement (µs) | responses (µs) | JSON (µs) | JSON bytes | total (µs) \
        | total / round trip |
        |---:|---:|---:|---:|---:|---:|---:|
        """
            .formatted(iterations, BenchReport.format(roundTrip)));
    for (Stages s : stages) {
      out.append(
          "| %d | %s | %s | %s | %d | %s | %s |\n"
              .formatted(
                  s.size(),
                  BenchReport.format(s.statement()),
                  BenchReport.format(s.responses()),
                  BenchReport.format(s.json()),
                  s.bytes(),
                  BenchReport.format(s.total()),
                  BenchReport.format(s.total() / roundTrip)));
    }
    out.append(
        "\nEach alert on a page adds %s µs (from %d to %d alerts); a page's fixed cost is %s µs.\n"
            .formatted(
                BenchReport.format(perAlert),
                one.size(),
                last.size(),
                BenchReport.format(one.total() - perAlert * one.size())));
    return out.toString();
  }
}
