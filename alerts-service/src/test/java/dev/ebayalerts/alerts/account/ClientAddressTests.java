package dev.ebayalerts.alerts.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Behind the compose gateway every request comes from the proxy: the per-IP limits must count the
 * client the proxy names in X-Forwarded-For (from a trusted, internal proxy only), or one limit is
 * shared by everybody.
 */
@IntegrationTest
class ClientAddressTests {

  @Autowired RestTestClient http;
  @Autowired RateLimiter limits;

  @Test
  void perIpLimitsCountTheClientAnInternalProxyForwarded() {
    http.post()
        .uri("/api/session/link")
        .header("X-Forwarded-For", "203.0.113.7")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("email", "forwarded@example.com"))
        .exchange()
        .expectStatus()
        .isAccepted();

    assertThat(limits.counts("link-ip:203.0.113.7")).isTrue();
  }
}
