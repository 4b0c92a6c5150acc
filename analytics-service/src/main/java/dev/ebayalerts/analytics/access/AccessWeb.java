package dev.ebayalerts.analytics.access;

import dev.ebayalerts.pubsub.security.CallerResolver;
import dev.ebayalerts.pubsub.security.SessionCredentials;
import dev.ebayalerts.pubsub.security.SessionTokens;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves the {@link Caller} of a request from the credentials both services read alike ({@link
 * SessionCredentials}: the dashboard reaches this service through a proxy on its own origin, so the
 * session cookie arrives). Unlike alerts-service, which serves anonymous pages, this service has
 * nothing for anonymous callers: without the operator key or a live session the request is answered
 * 401. Endpoints without a {@link Caller} parameter (actuator, API docs) stay open.
 */
@Configuration(proxyBeanMethods = false)
class AccessWeb implements WebMvcConfigurer {

  private static final Logger log = LoggerFactory.getLogger(AccessWeb.class);

  private final SessionTokens tokens;
  private final StringRedisTemplate redis;
  private final String operatorKey;
  private final Clock clock;

  AccessWeb(SessionSettings settings, StringRedisTemplate redis, Clock clock) {
    this.redis = redis;
    this.tokens = SessionTokens.verifying(settings.sessionVerifyKey());
    this.operatorKey = settings.operatorApiKey();
    this.clock = clock;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerResolver<>(Caller.class, this::callerOf));
  }

  /** The operator or a person with a live session; anyone else is answered 401. */
  Caller callerOf(SessionCredentials credentials) {
    if (credentials.isOperator(operatorKey)) {
      return Caller.operatorKey();
    }
    return credentials
        .session()
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
}
