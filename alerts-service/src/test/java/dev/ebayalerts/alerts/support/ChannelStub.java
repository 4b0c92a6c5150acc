package dev.ebayalerts.alerts.support;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;

/**
 * The receiving end of notice channels (webhooks, Discord, Slack, the Telegram Bot API) as one
 * WireMock server per test JVM; tests keep apart by using their own paths and chat ids.
 */
public final class ChannelStub {

  public static final String TELEGRAM_TOKEN = "123456:test-bot-token";
  private static WireMockServer server;

  private ChannelStub() {}

  public static synchronized WireMockServer server() {
    if (server == null) {
      server = new WireMockServer(options().dynamicPort());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  public static String url(String path) {
    return server().baseUrl() + path;
  }

  public static String telegramApi() {
    return server().baseUrl() + "/telegram";
  }

  /** The POSTs received on {@code path}, oldest first. */
  public static List<LoggedRequest> requests(String path) {
    return server().findAll(postRequestedFor(urlPathEqualTo(path)));
  }

  /** Waits up to 20 s until {@code path} has received {@code count} POSTs; then all of them. */
  public static List<LoggedRequest> awaitRequests(String path, int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> requests(path).size() >= count);
    return requests(path);
  }
}
