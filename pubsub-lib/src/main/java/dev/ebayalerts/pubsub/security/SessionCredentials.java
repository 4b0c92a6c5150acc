package dev.ebayalerts.pubsub.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * What a request presents to either service, read the same way by both because the dashboard sends
 * the same to both: the operator key in {@value #API_KEY_HEADER}, and a session token in {@code
 * Authorization: Bearer} or, from a browser, the {@value #COOKIE} cookie alerts-service sets. What
 * a service makes of them (who the caller is, what a missing session means) is its own.
 *
 * @param apiKey the {@value #API_KEY_HEADER} header, or null
 * @param sessionToken the bearer token, else the cookie's value, or null
 */
public record SessionCredentials(String apiKey, String sessionToken) {

  /** The session cookie alerts-service sets at sign-in. */
  public static final String COOKIE = "alerts_session";

  /** The header that carries the operator's API key. */
  public static final String API_KEY_HEADER = "X-API-Key";

  public static SessionCredentials of(HttpServletRequest request) {
    return new SessionCredentials(request.getHeader(API_KEY_HEADER), sessionToken(request));
  }

  /** Whether the request carries the operator key, compared in constant time. */
  public boolean isOperator(String operatorKey) {
    return apiKey != null
        && MessageDigest.isEqual(
            apiKey.getBytes(StandardCharsets.UTF_8), operatorKey.getBytes(StandardCharsets.UTF_8));
  }

  public Optional<String> session() {
    return Optional.ofNullable(sessionToken);
  }

  private static String sessionToken(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).strip();
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName())) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }
}
