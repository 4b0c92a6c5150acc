package dev.ebayalerts.alerts.account;

import dev.ebayalerts.pubsub.security.SessionCredentials;
import dev.ebayalerts.pubsub.security.SessionTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Sessions are signed tokens (a bearer token, or the same token in an HTTP-only cookie) naming one
 * address and expiring after {@link SecuritySettings#sessionTtl()}, each with a row in {@link
 * SessionStore} so that its owner can see it and end it before it expires: a token whose row was
 * revoked is not accepted, however good its signature.
 */
@Component
class Sessions {

  private static final Logger log = LoggerFactory.getLogger(Sessions.class);

  private final SessionTokens tokens;
  private final SessionStore store;
  private final LiveSessions live;
  private final StringRedisTemplate redis;
  private final SecuritySettings settings;
  private final ManageLinks links;
  private final Clock clock;

  Sessions(
      SessionStore store,
      StringRedisTemplate redis,
      SecuritySettings settings,
      ManageLinks links,
      Clock clock) {
    this.tokens = SessionTokens.signing(settings.sessionSigningKey());
    this.redis = redis;
    this.store = store;
    this.live = new LiveSessions(settings.sessionCheckCache());
    this.settings = settings;
    this.links = links;
    this.clock = clock;
  }

  record Session(String token, String email, Instant expiresAt) {}

  /** One of an address's sessions as it is listed; {@code current} for the one asking. */
  record SessionView(
      UUID id, Instant createdAt, Instant expiresAt, String userAgent, boolean current) {}

  Session start(String email, HttpServletRequest request) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.sessionTtl());
    String token = tokens.issue(email, expiresAt);
    store.add(
        UUID.randomUUID(), token, email, now, expiresAt, request.getHeader(HttpHeaders.USER_AGENT));
    return new Session(token, email, expiresAt);
  }

  List<SessionView> list(String email, HttpServletRequest request) {
    String current = SessionCredentials.of(request).session().map(SessionStore::hash).orElse("");
    return store.live(email, clock.instant()).stream()
        .map(
            row ->
                new SessionView(
                    row.id(),
                    row.createdAt(),
                    row.expiresAt(),
                    row.userAgent(),
                    row.tokenHash().equals(current)))
        .toList();
  }

  boolean revoke(String email, UUID id) {
    return tellOthers(store.revoke(email, id, clock.instant())) > 0;
  }

  int revokeAll(String email) {
    return tellOthers(store.revokeAll(email, clock.instant()));
  }

  /** Signing out ends the session the request carries, not only its cookie. */
  void end(HttpServletRequest request) {
    SessionCredentials.of(request)
        .session()
        .ifPresent(token -> tellOthers(store.revokeToken(token, clock.instant())));
  }

  /**
   * Forgets that ended sessions were live ({@link LiveSessions}: they are refused here from now on)
   * and marks them in Redis until they would have expired, for analytics-service, which checks
   * sessions without seeing this service's table. Here the table decides: if Redis is down the
   * session is still ended for this service, and only analytics-service's read-only insights stay
   * open to it until it expires.
   */
  private int tellOthers(List<SessionStore.Ended> ended) {
    Instant now = clock.instant();
    for (SessionStore.Ended session : ended) {
      live.forget(session.tokenHash());
      Duration left = Duration.between(now, session.expiresAt());
      if (left.isNegative() || left.isZero()) {
        continue;
      }
      try {
        redis.opsForValue().set(SessionTokens.endedKey(session.tokenHash()), "1", left);
      } catch (RuntimeException e) {
        log.warn("Could not tell analytics-service that a session ended: {}", e.getMessage());
      }
    }
    return ended.size();
  }

  ResponseCookie cookie(Session session, HttpServletRequest request) {
    return ResponseCookie.from(SessionCredentials.COOKIE, session.token())
        .httpOnly(true)
        .secure(secure(request))
        .sameSite("Lax")
        .path("/")
        .maxAge(settings.sessionTtl())
        .build();
  }

  ResponseCookie expiredCookie(HttpServletRequest request) {
    return ResponseCookie.from(SessionCredentials.COOKIE, "")
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

  /** Who presents these credentials: the operator, a person with a live session, or nobody. */
  Caller callerOf(SessionCredentials credentials) {
    if (credentials.isOperator(settings.operatorApiKey())) {
      return new Caller(null, true);
    }
    Instant now = clock.instant();
    return credentials
        .session()
        .flatMap(
            token ->
                tokens
                    .verify(token, now)
                    .filter(
                        email ->
                            live.isLive(
                                SessionStore.hash(token), now, hash -> store.isLive(hash, now))))
        .map(email -> new Caller(email, false))
        .orElse(Caller.ANONYMOUS);
  }
}
