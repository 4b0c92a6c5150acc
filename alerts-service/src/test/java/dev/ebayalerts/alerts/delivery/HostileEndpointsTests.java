package dev.ebayalerts.alerts.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.fetch.FetchRuns;
import dev.ebayalerts.alerts.support.ChannelStub;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.alerts.support.TestAlerts;
import dev.ebayalerts.testing.Smtp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Webhooks that answer with a 500 MB body, after 30 seconds, or never: the service reads a few KB
 * at most, gives each up after its deadline, and another alert's email goes out meanwhile.
 */
@IntegrationTest
class HostileEndpointsTests {

  static final long HUGE = 500L * 1024 * 1024;
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(HostileEndpointsTests.class);

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  @Test
  void hugeSlowAndSilentWebhooksNeitherHurtTheServiceNorDelayOtherAlerts() throws Exception {
    String owner = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    RestTestClient client = Sessions.signedIn(http, signInLinks, owner);
    String slowPath = "/hooks/slow-" + UUID.randomUUID();
    ChannelStub.server()
        .stubFor(
            post(urlPathEqualTo(slowPath))
                .willReturn(aResponse().withStatus(200).withFixedDelay(30_000)));
    try (HugeBody huge = new HugeBody();
        Silent silent = new Silent()) {
      EbayStub.listings("hostile huge", Item.of("h1", "Huge", "10.00", "s"));
      EbayStub.listings("hostile slow", Item.of("h2", "Slow", "10.00", "s"));
      EbayStub.listings("hostile silent", Item.of("h3", "Silent", "10.00", "s"));
      EbayStub.listings("hostile victim", Item.of("h4", "Victim", "10.00", "s"));
      String hugeAlert = create(client, owner, "hostile huge", webhook(huge.url()));
      String slowAlert = create(client, owner, "hostile slow", webhook(ChannelStub.url(slowPath)));
      String silentAlert = create(client, owner, "hostile silent", webhook(silent.url()));
      String victim = create(client, owner, "hostile victim", "[{\"type\":\"EMAIL\"}]");

      long start = System.nanoTime();
      for (String id : List.of(hugeAlert, slowAlert, silentAlert, victim)) {
        FetchRuns.runNow(context, id);
      }

      // The email lane never waits for webhooks.
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> Smtp.forTests().receivedBy(owner).size() == 1);
      long emailMillis = (System.nanoTime() - start) / 1_000_000;

      // The huge body: the 200 counts, and the body stops being read after a few KB (what
      // the socket buffers took before the client hung up is all that was written).
      await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(hugeAlert)));
      await().atMost(Duration.ofSeconds(10)).until(huge::closed);
      assertThat(huge.written()).isLessThan(32L * 1024 * 1024);

      // 30 s and never: both are failures after the 2 s deadline, with a reason that says so.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> attempts(slowAlert) >= 1 && attempts(silentAlert) >= 1);
      for (String id : List.of(slowAlert, silentAlert)) {
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(channelError(id)).isEqualTo("timed out");
      }

      // Still serving.
      http.get().uri("/actuator/health").exchange().expectStatus().isOk();
      log.info(
          "Hostile endpoints: the other alert's email arrived {} ms after the runs; the 500 MB"
              + " stub wrote {} bytes before the client hung up; 30 s and silent endpoints failed"
              + " as '{}' and '{}'",
          emailMillis,
          huge.written(),
          channelError(slowAlert),
          channelError(silentAlert));
    }
  }

  private String status(String alertId) {
    return (String) webhookDelivery(alertId).get("status");
  }

  private int attempts(String alertId) {
    return (Integer) webhookDelivery(alertId).get("attempts");
  }

  private String channelError(String alertId) {
    return jdbc.sql("select last_error from alert_channel where alert_id = ?::uuid")
        .param(alertId)
        .query(String.class)
        .single();
  }

  private Map<String, Object> webhookDelivery(String alertId) {
    return jdbc.sql("select * from delivery where alert_id = ?::uuid")
        .param(alertId)
        .query()
        .singleRow();
  }

  private static String webhook(String url) {
    return "[{\"type\":\"WEBHOOK\",\"url\":\"%s\"}]".formatted(url);
  }

  private static String create(
      RestTestClient client, String owner, String phrase, String channels) {
    return TestAlerts.create(client, owner, phrase, ",\"channels\":" + channels)
        .get("id")
        .toString();
  }

  /** Answers 200 with a 500 MB body, streamed until the client hangs up. */
  static final class HugeBody implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closed;
    private final Thread thread = new Thread(this::serve, "huge-body-stub");

    HugeBody() throws IOException {
      thread.setDaemon(true);
      thread.start();
    }

    private void serve() {
      try (Socket socket = server.accept()) {
        socket.getInputStream().read(new byte[8192]); // the request (its start is enough)
        OutputStream out = socket.getOutputStream();
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + HUGE + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        while (written.get() < HUGE) {
          out.write(chunk);
          written.addAndGet(chunk.length);
        }
      } catch (IOException e) {
        // the client hung up: what we want
      } finally {
        closed = true;
      }
    }

    String url() {
      return "http://localhost:" + server.getLocalPort() + "/hooks/huge";
    }

    long written() {
      return written.get();
    }

    boolean closed() {
      return closed;
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  /** Accepts connections and never answers. */
  static final class Silent implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    private final List<Socket> held = new ArrayList<>();
    private final Thread thread = new Thread(this::serve, "silent-stub");

    Silent() throws IOException {
      thread.setDaemon(true);
      thread.start();
    }

    private void serve() {
      try {
        while (true) {
          Socket socket = server.accept();
          synchronized (held) {
            held.add(socket);
          }
        }
      } catch (IOException e) {
        // closed
      }
    }

    String url() {
      return "http://localhost:" + server.getLocalPort() + "/hooks/silent";
    }

    @Override
    public void close() throws IOException {
      server.close();
      synchronized (held) {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }
}
