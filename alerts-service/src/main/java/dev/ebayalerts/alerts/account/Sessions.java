package dev.ebayalerts.alerts.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Sessions are signed tokens, not server state: a bearer token or the same token in an HTTP-only
 * cookie, naming one address and expiring after {@link SecuritySettings#sessionTtl()}.
 */
@Component
class Sessions {

  static final String COOKIE = "alerts_session";
  static final String API_KEY_HEADER = "X-API-Key";

  private final SignedTokens tokens;
  private final SecuritySettings settings;
  private final ManageLinks links;
  private final Clock clock;

  Sessions(SignedTokens tokens, SecuritySettings settings, ManageLinks links, Clock clock) {
    this.tokens = tokens;
    this.settings = settings;
    this.links = links;
    this.clock = clock;
  }

  record Session(String token, String email, Instant expiresAt) {}

  Session start(String email) {
    Instant expiresAt = clock.instant().plus(settings.sessionTtl());
    return new Session(tokens.issue(SignedTokens.SESSION, email, expiresAt), email, expiresAt);
  }

  ResponseCookie cookie(Session session, HttpServletRequest request) {
    return ResponseCookie.from(COOKIE, session.token())
        .httpOnly(true)
        .secure(secure(request))
        .sameSite("Lax")
        .path("/")
        .maxAge(settings.sessionTtl())
        .build();
  }

  ResponseCookie expiredCookie(HttpServletRequest request) {
    return ResponseCookie.from(COOKIE, "")
        .httpOnly(true)
        .secure(secure(request))
        .sameSite("Lax")
        .path("/")
        .maxAge(0)
        .build();
  }

  /**
   * Secure whenever people reach the service over https: behind a TLS-terminating proxy the request
   * itself may be plain http, but the public address says https.
   */
  private boolean secure(HttpServletRequest request) {
    return request.isSecure() || links.baseUrl().startsWith("https://");
  }

  Caller callerOf(HttpServletRequest request) {
    String apiKey = request.getHeader(API_KEY_HEADER);
    if (apiKey != null
        && MessageDigest.isEqual(
            apiKey.getBytes(StandardCharsets.UTF_8),
            settings.operatorApiKey().getBytes(StandardCharsets.UTF_8))) {
      return new Caller(null, true);
    }
    return token(request)
        .flatMap(token -> tokens.verify(SignedTokens.SESSION, token, clock.instant()))
        .map(email -> new Caller(email, false))
        .orElse(Caller.ANONYMOUS);
  }

  private static Optional<String> token(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(authorization.substring(7).strip());
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName())) {
          return Optional.of(cookie.getValue());
        }
      }
    }
    return Optional.empty();
  }
}
