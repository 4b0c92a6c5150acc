package dev.ebayalerts.alerts.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.support.TestSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Behind a TLS-terminating proxy the request reaching the service is plain http: the session cookie
 * must still be Secure when people reach the service over https.
 */
class SessionCookieTests {

  static Sessions sessions(String baseUrl) {
    SecuritySettings settings =
        new SecuritySettings(
            TestSecrets.SESSION,
            TestSecrets.SESSION_SIGNING_KEY,
            TestSecrets.OPERATOR_KEY,
            List.of("http://localhost:3000"),
            Duration.ofDays(7),
            Duration.ofMinutes(15),
            Duration.ofDays(2),
            Duration.ofSeconds(1));
    return new Sessions(
        null, // the cookie needs no store
        null, // nor Redis
        settings,
        new ManageLinks(baseUrl, "http://localhost:3000"),
        Clock.systemUTC());
  }

  static Sessions.Session session() {
    return new Sessions.Session("token", "jane@example.com", java.time.Instant.now());
  }

  @Test
  void theCookieIsSecureWhenThePublicAddressIsHttpsEvenOverPlainHttpBehindTheProxy() {
    MockHttpServletRequest plain = new MockHttpServletRequest(); // http, as the proxy forwards it
    Sessions https = sessions("https://alerts.example.com");

    assertThat(https.cookie(session(), plain).isSecure()).isTrue();
    assertThat(https.expiredCookie(plain).isSecure()).isTrue();
  }

  @Test
  void overPlainHttpEverywhereTheCookieIsNotSecureSoTheLocalRunWorks() {
    Sessions local = sessions("http://localhost:8080");
    MockHttpServletRequest plain = new MockHttpServletRequest();

    assertThat(local.cookie(session(), plain).isSecure()).isFalse();
  }
}
