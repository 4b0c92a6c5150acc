package dev.ebayalerts.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests Tomcat refuses before Spring sees them still get a ProblemDetail, not Tomcat's HTML
 * error page. Sent with the JDK client, which sends the path exactly as written.
 */
@IntegrationTest
class ContainerErrorsTests {

  @LocalServerPort int port;

  @Test
  void aPathTomcatRefusesGetsAProblemDetail() throws Exception {
    HttpResponse<String> response = get("/api/alerts/%00");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"status\":400", "\"title\":\"Bad Request\"")
        .doesNotContain("<html", "Tomcat", "Exception");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
