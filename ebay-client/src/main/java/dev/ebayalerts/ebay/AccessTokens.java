package dev.ebayalerts.ebay;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;

/**
 * Application access tokens from eBay's client-credentials grant, cached in Redis so every instance
 * and every restart reuses one token until shortly before it expires: eBay allows only about 1,000
 * token requests a day.
 *
 * <p>When the cache is empty only one caller fetches: threads of this instance queue on a local
 * lock, instances on a Redis lock ({@code SET NX PX}); the others wait and then read the cache.
 */
final class AccessTokens {

  static final String SCOPE = "https://api.ebay.com/oauth/api_scope";
  private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  // Deletes the cached token only if it is still the one eBay rejected, so a token another instance
  // has just fetched survives.
  private static final RedisScript<Long> DELETE_IF_SAME =
      RedisScript.of(
          """
          if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('DEL', KEYS[1])
          end
          return 0
          """,
          Long.class);

  private final RestClient http;
  private final URI tokenUri;
  private final String basicAuthorization;
  private final StringRedisTemplate redis;
  private final String cacheKey;
  private final String lockKey;
  private final Duration refreshMargin;
  private final Duration lockTtl;
  private final Retrier retrier;
  private final EbayJson json;
  private final MeterRegistry meters;
  private final ReentrantLock localLock = new ReentrantLock();

  AccessTokens(
      RestClient http,
      EbayClientProperties properties,
      StringRedisTemplate redis,
      String keyPrefix,
      Retrier retrier,
      EbayJson json,
      MeterRegistry meters) {
    this.http = http;
    this.tokenUri = properties.resolvedBaseUrl().resolve("/identity/v1/oauth2/token");
    String credentials = properties.clientId() + ":" + properties.clientSecret();
    this.basicAuthorization =
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.redis = redis;
    this.cacheKey = keyPrefix + ":token";
    this.lockKey = keyPrefix + ":token-lock";
    this.refreshMargin = properties.tokenRefreshMargin();
    EbayClientProperties.Retry retry = properties.retry();
    // Long enough for a fetch with all its retries; should the holder die, the lock frees itself.
    this.lockTtl =
        properties
            .connectTimeout()
            .plus(properties.readTimeout())
            .multipliedBy(retry.maxAttempts())
            .plus(
                longer(retry.maxBackoff(), retry.maxRetryAfter())
                    .multipliedBy(retry.maxAttempts() - 1L));
    this.retrier = retrier;
    this.json = json;
    this.meters = meters;
  }

  /** A token that eBay should accept. */
  String current() {
    String cached = redis.opsForValue().get(cacheKey);
    if (cached != null) {
      return cached;
    }
    localLock.lock();
    try {
      long deadline = System.nanoTime() + lockTtl.plusSeconds(5).toNanos();
      while (true) {
        cached = redis.opsForValue().get(cacheKey);
        if (cached != null) {
          return cached;
        }
        String owner = UUID.randomUUID().toString();
        if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(lockKey, owner, lockTtl))) {
          try {
            // Another instance may have stored a token between our read and our lock.
            cached = redis.opsForValue().get(cacheKey);
            return cached != null ? cached : fetchAndCache();
          } finally {
            redis.execute(DELETE_IF_SAME, List.of(lockKey), owner);
          }
        }
        if (System.nanoTime() > deadline) {
          throw EbayUnavailable.tokenLockTimeout(lockTtl);
        }
        LockSupport.parkNanos(POLL_NANOS);
      }
    } finally {
      localLock.unlock();
    }
  }

  /** Forgets a token eBay refused, unless it has been replaced already. */
  void reject(String token) {
    redis.execute(DELETE_IF_SAME, List.of(cacheKey), token);
  }

  private String fetchAndCache() {
    EbayJson.Token token = retrier.run("eBay token request", this::fetch);
    Duration lifetime = Duration.ofSeconds(token.expiresInSeconds());
    // Replace the token shortly before expiry; a short-lived token still serves at least half its
    // life instead of being fetched again on every call.
    Duration ttl = lifetime.minus(refreshMargin);
    if (ttl.compareTo(lifetime.dividedBy(2)) < 0) {
      ttl = lifetime.dividedBy(2);
    }
    if (!ttl.isZero()) {
      redis.opsForValue().set(cacheKey, token.accessToken(), ttl);
    }
    log.info("Fetched an eBay application token valid for {}; cached for {}", lifetime, ttl);
    return token.accessToken();
  }

  private EbayJson.Token fetch() throws Retrier.Transient {
    HttpAnswer answer;
    try {
      answer =
          http.post()
              .uri(tokenUri)
              .header(HttpHeaders.AUTHORIZATION, basicAuthorization)
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .accept(MediaType.APPLICATION_JSON)
              .body(
                  "grant_type=client_credentials&scope="
                      + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8))
              .exchange(
                  (request, response) ->
                      new HttpAnswer(
                          response.getStatusCode().value(),
                          response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                          response.getBody().readAllBytes()));
    } catch (ResourceAccessException noAnswer) {
      count("io_error");
      throw Retrier.Transient.noAnswer(noAnswer);
    }
    if (answer.isTransientFailure()) {
      count(answer.status() == 429 ? "rate_limited" : "server_error");
      throw Retrier.Transient.of(answer, json.errors(answer.body()));
    }
    if (!answer.isSuccess()) {
      count("refused");
      EbayJson.OAuthError error =
          json.oauthError(answer.body())
              .orElse(new EbayJson.OAuthError("HTTP " + answer.status(), null));
      throw EbayAuthenticationFailed.tokenRefused(
          answer.status(), error.error(), error.description());
    }
    try {
      EbayJson.Token token = json.token(answer.body());
      count("success");
      return token;
    } catch (JacksonException unreadable) {
      count("malformed");
      throw EbayUnavailable.unreadable("eBay token request", answer.status(), unreadable);
    }
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private void count(String outcome) {
    meters.counter("ebay.token.requests", "outcome", outcome).increment();
  }
}
