package dev.ebayalerts.pubsub.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** How both services read what a request presents. */
class SessionCredentialsTests {

  @Test
  void aBearerTokenWinsOverTheCookie() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "bearer  abc.def ");
    request.setCookies(new Cookie(SessionCredentials.COOKIE, "cookie.token"));

    assertThat(SessionCredentials.of(request).session()).contains("abc.def");
  }

  @Test
  void theCookieServesBrowsersAndOtherCookiesAndSchemesAreIgnored() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Basic dXNlcjpwYXNz");
    request.setCookies(new Cookie("other", "x"), new Cookie(SessionCredentials.COOKIE, "c.t"));

    assertThat(SessionCredentials.of(request).session()).contains("c.t");
    assertThat(SessionCredentials.of(new MockHttpServletRequest()).session()).isEmpty();
  }

  @Test
  void onlyTheExactOperatorKeyMakesTheOperator() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader(SessionCredentials.API_KEY_HEADER, "operator-key");

    assertThat(SessionCredentials.of(request).isOperator("operator-key")).isTrue();
    assertThat(SessionCredentials.of(request).isOperator("operator-key2")).isFalse();
    assertThat(SessionCredentials.of(request).isOperator("operator-ke")).isFalse();
    assertThat(SessionCredentials.of(new MockHttpServletRequest()).isOperator("operator-key"))
        .isFalse();
  }

  record Who(String session) {}

  @SuppressWarnings("unused")
  void handler(Who who, String other) {}

  @Test
  void theResolverGivesOnlyItsTypeWhatTheServiceMakesOfTheCredentials() throws Exception {
    CallerResolver<Who> resolver =
        new CallerResolver<>(Who.class, credentials -> new Who(credentials.sessionToken()));
    var method = getClass().getDeclaredMethod("handler", Who.class, String.class);
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Bearer t.s");

    assertThat(resolver.supportsParameter(new MethodParameter(method, 0))).isTrue();
    assertThat(resolver.supportsParameter(new MethodParameter(method, 1))).isFalse();
    assertThat(
            resolver.resolveArgument(
                new MethodParameter(method, 0), null, new ServletWebRequest(request), null))
        .isEqualTo(new Who("t.s"));
  }
}
