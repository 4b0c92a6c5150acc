package dev.ebayalerts.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator scrapes from /actuator/prometheus, without credentials. */
@IntegrationTest
class DigestMetricsTests {

  @Autowired DigestGenerator generator;
  @LocalServerPort int port;

  @Test
  void eachDigestRunIsTimed() throws Exception {
    double before = value(scrape(), "analytics_digest_run_seconds_count").orElse(0);

    generator.generateAll();
    generator.generateAll();

    assertThat(value(scrape(), "analytics_digest_run_seconds_count")).hasValue(before + 2);
  }

  @Test
  void theOperationsMetricsAreExposed() throws Exception {
    assertThat(scrape())
        .contains(
            "analytics_digest_run_seconds_sum",
            "analytics_digest_pending",
            "analytics_digest_parked",
            "analytics_digest_sent_total",
            "application=\"analytics-service\"");
  }

  private String scrape() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static OptionalDouble value(String scrape, String name) {
    Matcher sample = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(scrape);
    return sample.find()
        ? OptionalDouble.of(Double.parseDouble(sample.group(1)))
        : OptionalDouble.empty();
  }
}
