package dev.ebayalerts.ebaymock;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A stand-in for eBay's OAuth token endpoint and Browse API search, so the project runs and is
 * tested without the real eBay.
 *
 * <p>Embedders (such as the ebay-client tests) start it with {@link #application()} so they get the
 * same defaults as the command line, for example {@code
 * EbayMockApplication.application().properties("server.port=0").run()}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EbayMockApplication {

  /** The port eBay clients of this project expect the mock on when nothing else is configured. */
  public static final int DEFAULT_PORT = 8090;

  public static void main(String[] args) {
    application().run(args);
  }

  /**
   * A builder carrying the mock's defaults. They are default properties rather than an {@code
   * application.properties} file because this jar sits on the test classpath of other modules,
   * where such a file would leak into their own Spring Boot applications.
   */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(EbayMockApplication.class)
        .properties(
            Map.of(
                "server.port", String.valueOf(DEFAULT_PORT),
                "spring.application.name", "ebay-mock",
                "spring.main.banner-mode", "off"));
  }
}
