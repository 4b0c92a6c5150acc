package dev.ebayalerts.analytics.access;

import dev.ebayalerts.pubsub.security.SessionTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves the {@link Caller} of a request the way alerts-service does: the operator key in {@code
 * X-API-Key}, else a session token in {@code Authorization: Bearer} or the {@code alerts_session}
 * cookie (the dashboard reaches this service through a proxy on its own origin, so the cookie
 * arrives). Without either the request is answered 401. Endpoints without a {@link Caller}
 * parameter (actuator, API docs) stay open.
 */
@Configuration(proxyBeanMethods = false)
class AccessWeb implements WebMvcConfigurer {

  static final String COOKIE = "alerts_session";
  static final String API_KEY_HEADER = "X-API-Key";

  private static final Logger log = LoggerFactory.getLogger(AccessWeb.class);

  private final SessionTokens tokens;
  private final StringRedisTemplate redis;
  private final byte[] operatorKey;
  private final Clock clock;

  AccessWeb(SessionSettings settings, StringRedisTemplate redis, Clock clock) {
    this.redis = redis;
    this.tokens = SessionTokens.verifying(settings.sessionVerifyKey());
    this.operatorKey = settings.operatorApiKey().getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer mavContainer,
              NativeWebRequest webRequest,
              WebDataBinderFactory binderFactory) {
            return callerOf(webRequest.getNativeRequest(HttpServletRequest.class));
          }
        });
  }

  Caller callerOf(HttpServletRequest request) {
    String apiKey = request.getHeader(API_KEY_HEADER);
    if (apiKey != null
        && MessageDigest.isEqual(apiKey.getBytes(StandardCharsets.UTF_8), operatorKey)) {
      return Caller.operatorKey();
    }
    return token(request)
        .flatMap(token -> tokens.verify(token, clock.instant()).filter(email -> !ended(token)))
        .map(Caller::signedIn)
        .orElseThrow(NotSignedIn::now);
  }

  /**
   * Whether alerts-service ended the session (it marks ended sessions in Redis). If Redis cannot be
   * asked the session counts as live: these are the owner's own read-only insights, and
   * alerts-service, whose table decides, still refuses it.
   */
  private boolean ended(String token) {
    try {
      return Boolean.TRUE.equals(redis.hasKey(SessionTokens.endedKey(SessionTokens.hash(token))));
    } catch (RuntimeException e) {
      log.warn("Could not check whether a session ended: {}", e.getMessage());
      return false;
    }
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
