package dev.ebayalerts.alerts.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

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
}
