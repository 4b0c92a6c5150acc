package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.ebayalerts.testing.Redis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.client.RestClient;

/**
 * What {@link EbayBrowseClient} promises, whichever server plays eBay. Subclasses run it against
 * the project's ebay-mock and against WireMock stubs of eBay's documented answers, by implementing
 * the {@code given...} hooks and the request counts.
 */
abstract class EbayBrowseClientContract {

  static final int MAX_ATTEMPTS = 3;
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

  protected final StringRedisTemplate redis = Redis.forTests().template();
  protected SimpleMeterRegistry meters;
  protected RecordingSleeper sleeper;
  protected EbayBrowseClient client;

  // --- the server playing eBay ---

  abstract URI baseUrl();

  /** Back to a well-behaved server with no requests counted. */
  abstract void resetServer();

  abstract long tokenRequests();

  abstract long searchRequests();

  /** The {@code expires_in} of the server's tokens. */
  abstract long tokenLifetimeSeconds();

  /** A phrase the server has listings for, some with "broken" in the title. */
  abstract String phrase();

  abstract void givenTokenRefusedOnce();

  abstract void givenTokensAlwaysRefused();

  abstract void givenRateLimitedOnce(int retryAfterSeconds);

  abstract void givenServerErrors(boolean always);

  abstract void givenMalformedAnswer();

  /** The first listing of the page has no price at all, the second no image. */
  abstract void givenIncompleteListings();

  abstract void givenSlowAnswers(Duration latency);

  /** A search with a filter the server ignores with a warning. */
  abstract SearchRequest requestWithIgnoredFilter();

  /** A search the server answers with HTTP 400 and eBay's errors. */
  abstract SearchRequest requestTheServerRejects();

  @BeforeEach
  void freshClientAndServer() {
    Redis.forTests().flush();
    resetServer();
    sleeper = new RecordingSleeper();
    meters = new SimpleMeterRegistry();
    client = client(properties(1000, Duration.ofSeconds(5), EbayMockServer.CLIENT_SECRET), meters);
  }

  EbayClientProperties properties(long dailyBudget, Duration readTimeout, String clientSecret) {
    return new EbayClientProperties(
        true,
        EbayClientProperties.Environment.MOCK,
        baseUrl(),
        EbayMockServer.CLIENT_ID,
        clientSecret,
        "EBAY_US",
        Duration.ofSeconds(2),
        readTimeout,
        new EbayClientProperties.Retry(
            MAX_ATTEMPTS, INITIAL_BACKOFF, 2.0, Duration.ofSeconds(1), Duration.ofSeconds(30)),
        dailyBudget,
        REFRESH_MARGIN,
        "test");
  }

  /** Another client on the same Redis: another instance of the application. */
  EbayBrowseClient client(EbayClientProperties properties, SimpleMeterRegistry registry) {
    return new DefaultEbayBrowseClient(
        properties, RestClient.builder(), redis, registry, Clock.systemUTC(), sleeper);
  }

  SearchRequest search() {
    return SearchRequest.builder(phrase()).limit(20).build();
  }

  // --- searching ---

  @Test
  void findsListingsWithTypedFields() {
    SearchResult result = client.search(search());

    assertThat(result.items()).isNotEmpty();
    assertThat(result.total()).isGreaterThanOrEqualTo(result.items().size());
    assertThat(result.warnings()).isEmpty();
    assertThat(result.items())
        .allSatisfy(
            item -> {
              assertThat(item.itemId()).startsWith("v1|");
              assertThat(item.legacyItemId()).isNotBlank();
              assertThat(item.title().toLowerCase(Locale.ROOT)).contains(phrase());
              assertThat(item.price().value()).isPositive();
              assertThat(item.price().currency()).isEqualTo("USD");
              assertThat(item.itemWebUrl()).startsWith("https://");
              assertThat(item.buyingOptions()).isNotEmpty();
              assertThat(item.seller().username()).isNotBlank();
              assertThat(item.itemCreationDate()).isNotNull();
            });
  }

  @Test
  void readsAuctionsWithTheirCurrentBidWhenEbaySendsNoPrice() {
    SearchResult result =
        client.search(
            SearchRequest.builder(phrase()).buyingOptions(BuyingOption.AUCTION).limit(100).build());

    assertThat(result.items())
        .anySatisfy(
            item -> {
              assertThat(item.isAuction()).isTrue();
              assertThat(item.currentBidPrice()).isNotNull();
              assertThat(item.price()).isEqualTo(item.currentBidPrice());
              assertThat(item.bidCount()).isNotNull();
              assertThat(item.itemEndDate()).isAfter(item.itemCreationDate());
            });
  }

  @Test
  void offersTheNextPage() {
    SearchRequest first = SearchRequest.builder(phrase()).limit(2).build();
    SearchResult result = client.search(first);

    assertThat(result.hasMore()).isTrue();
    assertThat(client.search(first.nextPage()).items()).isNotEmpty();
  }

  @Test
  void leavesOutTitlesWithExcludedWords() {
    SearchResult all = client.search(SearchRequest.builder(phrase()).limit(200).build());
    assertThat(all.items()).anyMatch(item -> item.title().toLowerCase().contains("broken"));

    SearchResult filtered =
        client.search(
            SearchRequest.builder(phrase()).excludeWords(List.of("Broken")).limit(200).build());

    assertThat(filtered.items())
        .isNotEmpty()
        .noneMatch(item -> item.title().toLowerCase(Locale.ROOT).contains("broken"));
  }

  @Test
  void surfacesEbaysWarningsAboutIgnoredFilters() {
    SearchResult result = client.search(requestWithIgnoredFilter());

    assertThat(result.warnings())
        .isNotEmpty()
        .allSatisfy(warning -> assertThat(warning.errorId()).isIn(12002, 12012));
    assertThat(result.items()).isNotEmpty();
  }

  @Test
  void reportsRejectedRequestsWithEbaysErrors() {
    assertThatThrownBy(() -> client.search(requestTheServerRejects()))
        .asInstanceOf(type(EbayRequestRejected.class))
        .satisfies(
            rejected -> {
              assertThat(rejected.status()).isEqualTo(400);
              assertThat(rejected.errors()).isNotEmpty();
              assertThat(rejected.errors().get(0).errorId()).isPositive();
            });
    assertThat(searchRequests()).isEqualTo(1);
  }

  @Test
  void skipsListingsWithoutAPriceAndKeepsThoseWithoutAnImage() {
    givenIncompleteListings();

    SearchResult result = client.search(search());

    assertThat(result.skippedItems()).isPositive();
    assertThat(result.items())
        .isNotEmpty()
        .allSatisfy(item -> assertThat(item.price()).isNotNull());
    assertThat(result.items()).anySatisfy(item -> assertThat(item.imageUrl()).isNull());
    assertThat(result.items())
        // eBay's pictures are https; the mock serves its own over the scheme it is reached by
        .anySatisfy(item -> assertThat(item.imageUrl()).matches("https?://.+"));
  }

  @Test
  void reportsUnreadableAnswersAsUnavailableWithoutRetrying() {
    givenMalformedAnswer();

    assertThatThrownBy(() -> client.search(search())).isInstanceOf(EbayUnavailable.class);
    assertThat(searchRequests()).isEqualTo(1);
  }

  // --- tokens ---

  @Test
  void reusesOneTokenAcrossCallsAndInstances() {
    client.search(search());
    client.search(search());
    client(properties(1000, Duration.ofSeconds(5), EbayMockServer.CLIENT_SECRET), meters)
        .search(search());

    assertThat(tokenRequests()).isEqualTo(1);
    assertThat(searchRequests()).isEqualTo(3);
  }

  @Test
  void cachesTheTokenUntilShortlyBeforeItExpires() {
    client.search(search());

    Set<String> keys = redis.keys("test:*:token");
    assertThat(keys).hasSize(1);
    long ttl = redis.getExpire(keys.iterator().next());
    long expected = tokenLifetimeSeconds() - REFRESH_MARGIN.toSeconds();
    assertThat(ttl).isBetween(expected - 60, expected);
  }

  @Test
  void fetchesANewTokenOnceTheCachedOneIsGone() {
    client.search(search());
    redis.delete(redis.keys("test:*:token"));

    client.search(search());

    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void fetchesOneTokenForManyConcurrentCallersOnSeveralInstances() throws Exception {
    EbayBrowseClient otherInstance =
        client(properties(1000, Duration.ofSeconds(5), EbayMockServer.CLIENT_SECRET), meters);
    List<Callable<SearchResult>> searches = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      EbayBrowseClient instance = i % 2 == 0 ? client : otherInstance;
      searches.add(() -> instance.search(search()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<SearchResult> result : pool.invokeAll(searches)) {
        assertThat(result.get().items()).isNotEmpty();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void refreshesTheTokenAndRetriesOnceWhenEbayRefusesIt() {
    client.search(search());
    givenTokenRefusedOnce();

    SearchResult result = client.search(search());

    assertThat(result.items()).isNotEmpty();
    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(searchRequests()).isEqualTo(3);
  }

  @Test
  void givesUpWhenEbayRefusesTheFreshTokenToo() {
    givenTokensAlwaysRefused();

    assertThatThrownBy(() -> client.search(search())).isInstanceOf(EbayAuthenticationFailed.class);
    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(searchRequests()).isEqualTo(2);
  }

  @Test
  void reportsWrongCredentialsWithoutRetrying() {
    EbayBrowseClient wrong =
        client(properties(1000, Duration.ofSeconds(5), "not-the-secret"), meters);

    assertThatThrownBy(() -> wrong.search(search()))
        .isInstanceOf(EbayAuthenticationFailed.class)
        .hasMessageContaining("invalid_client")
        .hasMessageNotContaining("not-the-secret");
    assertThat(tokenRequests()).isEqualTo(1);
    assertThat(searchRequests()).isZero();
  }

  // --- resilience ---

  @Test
  void waitsAsLongAsRetryAfterSaysWhenRateLimited() {
    givenRateLimitedOnce(2);

    SearchResult result = client.search(search());

    assertThat(result.items()).isNotEmpty();
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(searchRequests()).isEqualTo(2);
    assertThat(meters.counter("ebay.calls", "outcome", "rate_limited").count()).isEqualTo(1);
  }

  @Test
  void stopsAtOnceWhenRetryAfterIsLongerThanItWaits() {
    givenRateLimitedOnce(120);

    assertThatThrownBy(() -> client.search(search()))
        .asInstanceOf(type(EbayUnavailable.class))
        .satisfies(
            unavailable -> {
              assertThat(unavailable.lastStatus()).isEqualTo(429);
              assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(120));
              assertThat(unavailable.errors()).extracting(EbayError::errorId).contains(2001);
            });
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void retriesAServerErrorAfterABackoff() {
    givenServerErrors(false);

    SearchResult result = client.search(search());

    assertThat(result.items()).isNotEmpty();
    assertThat(sleeper.waits())
        .singleElement()
        .satisfies(
            wait -> assertThat(wait).isBetween(INITIAL_BACKOFF.dividedBy(2), INITIAL_BACKOFF));
  }

  @Test
  void givesUpAfterRepeatedServerErrors() {
    givenServerErrors(true);

    assertThatThrownBy(() -> client.search(search()))
        .asInstanceOf(type(EbayUnavailable.class))
        .satisfies(unavailable -> assertThat(unavailable.lastStatus()).isEqualTo(500));
    assertThat(searchRequests()).isEqualTo(MAX_ATTEMPTS);
    assertThat(sleeper.waits()).hasSize(MAX_ATTEMPTS - 1);
    // Exponential: the second wait comes from a doubled step.
    assertThat(sleeper.waits().get(1)).isGreaterThanOrEqualTo(INITIAL_BACKOFF);
  }

  @Test
  void retriesTimeoutsThenGivesUp() {
    givenSlowAnswers(Duration.ofSeconds(3));
    EbayBrowseClient impatient =
        client(properties(1000, Duration.ofMillis(250), EbayMockServer.CLIENT_SECRET), meters);

    assertThatThrownBy(() -> impatient.search(search()))
        .asInstanceOf(type(EbayUnavailable.class))
        .satisfies(unavailable -> assertThat(unavailable.lastStatus()).isZero());
    assertThat(sleeper.waits()).hasSize(MAX_ATTEMPTS - 1);
    assertThat(meters.counter("ebay.calls", "outcome", "io_error").count()).isEqualTo(MAX_ATTEMPTS);
  }

  // --- the daily budget ---

  @Test
  void refusesCallsBeyondTheDailyBudget() {
    SimpleMeterRegistry frugalMeters = new SimpleMeterRegistry();
    EbayBrowseClient frugal =
        client(properties(2, Duration.ofSeconds(5), EbayMockServer.CLIENT_SECRET), frugalMeters);
    frugal.search(search());
    frugal.search(search());

    assertThatThrownBy(() -> frugal.search(search()))
        .asInstanceOf(type(EbayBudgetExhausted.class))
        .satisfies(
            exhausted -> {
              assertThat(exhausted.dailyBudget()).isEqualTo(2);
              assertThat(exhausted.resetsAt())
                  .isEqualTo(
                      LocalDate.now(ZoneOffset.UTC)
                          .plusDays(1)
                          .atStartOfDay(ZoneOffset.UTC)
                          .toInstant());
            });
    assertThat(searchRequests()).isEqualTo(2);
    assertThat(frugal.budget().remaining()).isZero();
    assertThat(frugalMeters.get("ebay.budget.remaining").gauge().value()).isZero();
  }

  @Test
  void countsEveryAttemptAgainstTheBudgetAndInMetrics() {
    givenServerErrors(false);

    client.search(search());

    assertThat(client.budget().used()).isEqualTo(2);
    assertThat(client.budget().remaining()).isEqualTo(998);
    assertThat(meters.counter("ebay.calls", "outcome", "server_error").count()).isEqualTo(1);
    assertThat(meters.counter("ebay.calls", "outcome", "success").count()).isEqualTo(1);
    assertThat(meters.get("ebay.budget.remaining").gauge().value()).isEqualTo(998);
  }

  @Test
  void sharesTheBudgetBetweenInstances() {
    client.search(search());
    EbayBrowseClient otherInstance =
        client(properties(1000, Duration.ofSeconds(5), EbayMockServer.CLIENT_SECRET), meters);
    otherInstance.search(search());

    assertThat(client.budget().used()).isEqualTo(2);
  }
}
