package dev.ebayalerts.ebay;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the eBay client, bound to {@code ebay.*}. Credentials come from properties or the
 * environment ({@code EBAY_CLIENT_ID}, {@code EBAY_CLIENT_SECRET}) and are never logged.
 *
 * @param enabled whether the auto-configuration provides an {@link EbayBrowseClient}
 * @param environment which eBay to call; {@code MOCK} is the project's ebay-mock
 * @param baseUrl overrides the environment's base URL, e.g. for a mock on another port
 * @param clientId the application's client id (App ID); ebay-mock accepts {@code mock-client-id}
 * @param clientSecret the application's client secret (Cert ID); ebay-mock accepts {@code
 *     mock-client-secret}
 * @param marketplaceId sent as {@code X-EBAY-C-MARKETPLACE-ID}, e.g. {@code EBAY_US} or {@code
 *     EBAY_DE}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param retry retries of 429, 5xx and timeouts
 * @param dailyCallBudget Browse API calls allowed per UTC day across all instances (eBay's default
 *     quota is 5,000)
 * @param tokenRefreshMargin how long before its expiry a cached token is replaced
 * @param redisKeyPrefix prefix of the Redis keys of the token cache and the call budget
 */
@Validated
@ConfigurationProperties("ebay")
public record EbayClientProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("MOCK") @NotNull Environment environment,
    URI baseUrl,
    @NotBlank String clientId,
    @NotBlank String clientSecret,
    @DefaultValue("EBAY_US") @NotBlank String marketplaceId,
    @DefaultValue("5s") @NotNull Duration connectTimeout,
    @DefaultValue("10s") @NotNull Duration readTimeout,
    @DefaultValue @Valid @NotNull Retry retry,
    @DefaultValue("5000") @Min(1) long dailyCallBudget,
    @DefaultValue("5m") @NotNull Duration tokenRefreshMargin,
    @DefaultValue("ebay") @NotBlank String redisKeyPrefix) {

  /** The base URL calls go to: {@code baseUrl} if set, else the environment's. */
  public URI resolvedBaseUrl() {
    return baseUrl != null ? baseUrl : environment.baseUrl();
  }

  @Override
  public String toString() {
    // The secret stays out of logs, error messages and debuggers' summaries.
    return ("EbayClientProperties[enabled=%s, environment=%s, baseUrl=%s, clientId=%s,"
            + " clientSecret=******, marketplaceId=%s, connectTimeout=%s, readTimeout=%s, retry=%s,"
            + " dailyCallBudget=%d, tokenRefreshMargin=%s, redisKeyPrefix=%s]")
        .formatted(
            enabled,
            environment,
            resolvedBaseUrl(),
            clientId,
            marketplaceId,
            connectTimeout,
            readTimeout,
            retry,
            dailyCallBudget,
            tokenRefreshMargin,
            redisKeyPrefix);
  }

  /** The eBay environments and their base URLs. */
  public enum Environment {
    PRODUCTION("https://api.ebay.com"),
    SANDBOX("https://api.sandbox.ebay.com"),
    /** The project's ebay-mock on its default port. */
    MOCK("http://localhost:8090");

    private final URI baseUrl;

    Environment(String baseUrl) {
      this.baseUrl = URI.create(baseUrl);
    }

    public URI baseUrl() {
      return baseUrl;
    }
  }

  /**
   * Retries of rate limiting (429), server errors (5xx) and timeouts, with exponential backoff and
   * jitter, or eBay's {@code Retry-After} when it sends one.
   *
   * @param maxAttempts attempts in all, the first included
   * @param initialBackoff the wait before the first retry, before jitter
   * @param multiplier how much each further wait grows
   * @param maxBackoff the longest wait between attempts
   * @param maxRetryAfter the longest {@code Retry-After} the client waits for; a longer one ends
   *     the attempts at once, with {@link EbayUnavailable#retryAfter()} telling the caller when to
   *     return
   */
  public record Retry(
      @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
      @DefaultValue("500ms") @NotNull Duration initialBackoff,
      @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
      @DefaultValue("10s") @NotNull Duration maxBackoff,
      @DefaultValue("30s") @NotNull Duration maxRetryAfter) {}
}
