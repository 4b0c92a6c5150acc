package dev.ebayalerts.alerts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.Sessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The alerts API over loopback HTTP on the real embedded server, at a fixed request rate (open
 * loop: requests are sent on schedule whatever the answers do, and latency counts from the planned
 * send time, so a stall shows up in the percentiles instead of slowing the load). Baseline: the
 * liveness probe of the same service at the same rate, the framework's ceiling.
 *
 * <p>{@code -Dbench.api.rate=100} (requests/s), {@code -Dbench.api.seconds=20}, {@code
 * -Dbench.api.warmup-seconds=5}.
 */
@BenchTest
class AlertApiBenchmarkTests {

  private static final Logger log = LoggerFactory.getLogger(AlertApiBenchmarkTests.class);

  @LocalServerPort int port;
  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;

  record Result(
      String name, int sent, int ok, int errors, double seconds, double p50, double p99) {}

  @Test
  void alertsApi() throws Exception {
    int rate = Integer.getInteger("bench.api.rate", 100);
    int seconds = Integer.getInteger("bench.api.seconds", 20);
    int warmup = Integer.getInteger("bench.api.warmup-seconds", 5);

    String owner = "api-bench-" + UUID.randomUUID() + "@example.com";
    String token = Sessions.tokenFor(http, signInLinks, owner);
    RestTestClient signedIn =
        http.mutate().defaultHeader("Authorization", "Bearer " + token).build();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(create(signedIn, owner, "api bench " + i));
    }

    ExecutorService io = Executors.newFixedThreadPool(32);
    HttpClient client =
        HttpClient.newBuilder()
            .executor(io)
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    String base = "http://127.0.0.1:" + port;
    IntFunction<HttpRequest> liveness =
        n -> HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).build();
    IntFunction<HttpRequest> list =
        n ->
            HttpRequest.newBuilder(URI.create(base + "/api/alerts"))
                .header("Authorization", "Bearer " + token)
                .build();
    IntFunction<HttpRequest> one =
        n ->
            HttpRequest.newBuilder(URI.create(base + "/api/alerts/" + ids.get(n % ids.size())))
                .header("Authorization", "Bearer " + token)
                .build();
    IntFunction<HttpRequest> create =
        n ->
            HttpRequest.newBuilder(URI.create(base + "/api/alerts"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"%s\",\"searchPhrase\":\"api bench new %d\",\"frequencyMinutes\":10}"
                            .formatted(owner, n)))
                .build();

    List<Result> results = new ArrayList<>();
    try {
      results.add(
          load(
              "GET /actuator/health/liveness (baseline)", client, liveness, rate, seconds, warmup));
      results.add(load("GET /api/alerts (owner of 50)", client, list, rate, seconds, warmup));
      results.add(load("GET /api/alerts/{id}", client, one, rate, seconds, warmup));
      results.add(load("POST /api/alerts", client, create, rate, seconds, warmup));
    } finally {
      io.shutdownNow();
      jdbc.sql("delete from alert where email = ?").param(owner).update();
    }
    results.forEach(r -> log.info("API benchmark: {}", r));

    BenchReport.write("api", report(results, rate, seconds, warmup));
    for (Result result : results) {
      assertThat(result.errors()).as(result.name() + " errors").isZero();
    }
  }

  private Result load(
      String name,
      HttpClient client,
      IntFunction<HttpRequest> requests,
      int rate,
      int seconds,
      int warmup)
      throws Exception {
    if (warmup > 0) {
      run(client, requests, rate, warmup, 1_000_000);
    }
    return run(client, requests, rate, seconds, 0).named(name);
  }

  private record Run(int sent, int ok, int errors, double seconds, double[] latencies) {
    Result named(String name) {
      return new Result(
          name,
          sent,
          ok,
          errors,
          seconds,
          BenchReport.percentile(latencies, 50),
          BenchReport.percentile(latencies, 99));
    }
  }

  private Run run(
      HttpClient client, IntFunction<HttpRequest> requests, int rate, int seconds, int offset)
      throws Exception {
    int total = rate * seconds;
    long intervalNanos = 1_000_000_000L / rate;
    ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> pending = new ArrayList<>(total);
    ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    CompletableFuture<Void> allSent = new CompletableFuture<>();
    sender.scheduleAtFixedRate(
        () -> {
          // catch up on schedule: every request whose planned time has come is sent now
          long now = System.nanoTime();
          while (next.get() < total && start + next.get() * intervalNanos <= now) {
            int n = next.getAndIncrement();
            long planned = start + n * intervalNanos;
            pending.add(
                client
                    .sendAsync(requests.apply(offset + n), HttpResponse.BodyHandlers.discarding())
                    .whenComplete(
                        (response, failure) -> {
                          latencies.add((System.nanoTime() - planned) / 1e6);
                          if (failure == null && response.statusCode() < 400) {
                            ok.incrementAndGet();
                          } else {
                            errors.incrementAndGet();
                          }
                        }));
          }
          if (next.get() >= total) {
            allSent.complete(null);
          }
        },
        0,
        1,
        TimeUnit.MILLISECONDS);
    allSent.get(seconds + 60L, TimeUnit.SECONDS);
    sender.shutdown();
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .handle((v, e) -> null)
        .get(2, TimeUnit.MINUTES);
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Run(
        total,
        ok.get(),
        errors.get(),
        elapsed,
        latencies.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static String create(RestTestClient http, String owner, String phrase) {
    return http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"email\":\"%s\",\"searchPhrase\":\"%s\",\"frequencyMinutes\":10}"
                .formatted(owner, phrase))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
  }

  private static String report(List<Result> results, int rate, int seconds, int warmup) {
    Result baseline = results.get(0);
    StringBuilder out = new StringBuilder("## Alerts API\n\n");
    out.append(
        BenchReport.header(
            "./mvnw -B -Pbench verify -pl alerts-service -Dtest=AlertApiBenchmarkTests -Dbench.api.rate="
                + rate
                + " -Dbench.api.seconds="
                + seconds));
    out.append(
        """

        Open-loop load over loopback HTTP/1.1 (java.net.http client, 32 threads) against the \
        real embedded server of the test context: %d requests/s for %d s per endpoint after a \
        %d s warm-up at the same rate; latency counts from each request's planned send time. \
        Signed in with a session token as the owner of 50 alerts. Baseline: the liveness probe \
        at the same rate (the framework's ceiling). Ratios are endpoint / baseline.

        | endpoint | requests | ok | errors | throughput (req/s) | p50 (ms) | p99 (ms) | p50 / baseline | p99 / baseline |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|
        """
            .formatted(rate, seconds, warmup));
    for (Result r : results) {
      out.append(
          "| %s | %d | %d | %d | %s | %s | %s | %s | %s |\n"
              .formatted(
                  r.name(),
                  r.sent(),
                  r.ok(),
                  r.errors(),
                  BenchReport.format(r.ok() / r.seconds()),
                  BenchReport.format(r.p50()),
                  BenchReport.format(r.p99()),
                  BenchReport.format(r.p50() / baseline.p50()),
                  BenchReport.format(r.p99() / baseline.p99())));
    }
    return out.toString();
  }
}
