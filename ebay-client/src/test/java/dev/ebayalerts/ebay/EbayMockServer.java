package dev.ebayalerts.ebay;

import dev.ebayalerts.ebaymock.EbayMockApplication;
import java.net.URI;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The project's ebay-mock, started in-process once for the tests of this JVM. */
final class EbayMockServer {

  static final String CLIENT_ID = "mock-client-id";
  static final String CLIENT_SECRET = "mock-client-secret";
  static final long TOKEN_LIFETIME_SECONDS = 600;

  private static ConfigurableApplicationContext context;
  private static URI baseUrl;
  private static RestClient admin;

  private EbayMockServer() {}

  static synchronized URI baseUrl() {
    if (context == null) {
      context =
          EbayMockApplication.application()
              .properties(
                  "server.port=0",
                  "ebay-mock.token-lifetime=" + TOKEN_LIFETIME_SECONDS + "s",
                  // The mock shares this module's test classpath, client auto-configuration
                  // included.
                  "ebay.enabled=false",
                  "logging.level.root=WARN")
              .run();
      baseUrl =
          URI.create(
              "http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
      admin = RestClient.builder().baseUrl(baseUrl.toString()).build();
      Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }
    return baseUrl;
  }

  /** Replaces the mock's faults, e.g. {@code {"serverErrorCount":1}}. */
  static void faults(String json) {
    baseUrl();
    admin
        .post()
        .uri("/admin/faults")
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .retrieve()
        .toBodilessEntity();
  }

  static void reset() {
    baseUrl();
    admin.delete().uri("/admin/faults").retrieve().toBodilessEntity();
    admin.delete().uri("/admin/stats").retrieve().toBodilessEntity();
  }

  static long tokenRequests() {
    return stat("tokenRequests");
  }

  static long searchRequests() {
    return stat("searchRequests");
  }

  private static long stat(String name) {
    baseUrl();
    Map<?, ?> stats = admin.get().uri("/admin/stats").retrieve().body(Map.class);
    return ((Number) stats.get(name)).longValue();
  }
}
