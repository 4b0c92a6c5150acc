package dev.ebayalerts.ebay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;

/** {@link EbayBrowseClient} over HTTP, with Redis for the token cache and the call budget. */
final class DefaultEbayBrowseClient implements EbayBrowseClient {

  static final String SEARCH_PATH = "/buy/browse/v1/item_summary/search";
  static final String MARKETPLACE_HEADER = "X-EBAY-C-MARKETPLACE-ID";
  static final String END_USER_CONTEXT_HEADER = "X-EBAY-C-ENDUSERCTX";
  private static final String OPERATION = "eBay search";
  private static final DateTimeFormatter EBAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Logger log = LoggerFactory.getLogger(DefaultEbayBrowseClient.class);

  private final RestClient http;
  private final URI baseUrl;
  private final String marketplaceId;
  private final AccessTokens tokens;
  private final CallBudget budget;
  private final Retrier retrier;
  private final EbayJson json = new EbayJson();
  private final MeterRegistry meters;

  DefaultEbayBrowseClient(
      EbayClientProperties properties,
      RestClient.Builder http,
      StringRedisTemplate redis,
      MeterRegistry meters,
      Clock clock,
      Sleeper sleeper) {
    this.baseUrl = properties.resolvedBaseUrl();
    this.marketplaceId = properties.marketplaceId();
    this.http = http.requestFactory(requestFactory(properties)).build();
    this.retrier = new Retrier(properties.retry(), sleeper, clock);
    this.meters = meters;
    // Tokens and budgets belong to one application (client id) in one eBay environment.
    String keyPrefix = properties.redisKeyPrefix() + ":" + application(properties);
    this.tokens = new AccessTokens(this.http, properties, redis, keyPrefix, retrier, json, meters);
    this.budget = new CallBudget(redis, keyPrefix + ":calls", properties.dailyCallBudget(), clock);
    Gauge.builder("ebay.budget.remaining", this, DefaultEbayBrowseClient::remainingForGauge)
        .description("Browse API calls left in today's budget, across all instances")
        .register(meters);
  }

  @Override
  public SearchResult search(SearchRequest request) {
    Search search = new Search(request, searchUri(request));
    log.debug("Searching eBay: {}", search.uri);
    try {
      return retrier.run(OPERATION, search::attempt);
    } catch (DataAccessException redisDown) {
      throw EbayUnavailable.redisUnavailable(redisDown);
    }
  }

  @Override
  public BudgetStatus budget() {
    try {
      return budget.status();
    } catch (DataAccessException redisDown) {
      throw EbayUnavailable.redisUnavailable(redisDown);
    }
  }

  /** One search, over all its attempts. */
  private final class Search {

    private final SearchRequest request;
    private final URI uri;
    // One 401 per search is answered with a fresh token; a second means the token is not the
    // problem.
    private boolean tokenRefreshed;

    Search(SearchRequest request, URI uri) {
      this.request = request;
      this.uri = uri;
    }

    SearchResult attempt() throws Retrier.Transient {
      while (true) {
        // Budget first: with the budget spent, not even a token is fetched.
        budget.takeOne();
        String token = tokens.current();
        HttpAnswer answer = call(request, uri, token);
        if (answer.status() == 401) {
          count("unauthorized");
          if (tokenRefreshed) {
            throw EbayAuthenticationFailed.freshTokenRefused();
          }
          tokenRefreshed = true;
          log.info("eBay refused the cached token (401); fetching a new one");
          tokens.reject(token);
          continue;
        }
        if (answer.isTransientFailure()) {
          count(answer.status() == 429 ? "rate_limited" : "server_error");
          throw Retrier.Transient.of(answer, json.errors(answer.body()));
        }
        if (!answer.isSuccess()) {
          count("rejected");
          throw EbayRequestRejected.of(answer.status(), json.errors(answer.body()));
        }
        return read(answer);
      }
    }

    private SearchResult read(HttpAnswer answer) {
      SearchResult result;
      try {
        result =
            json.searchResult(
                answer.body(), request.excludeWords(), request.limit(), request.offset());
      } catch (JacksonException unreadable) {
        // Not retried: a broken body is rarely fixed by asking again, and every ask costs budget.
        count("malformed");
        throw EbayUnavailable.unreadable(OPERATION, answer.status(), unreadable);
      }
      count("success");
      if (result.skippedItems() > 0) {
        meters.counter("ebay.items.skipped").increment(result.skippedItems());
        log.debug("Skipped {} unusable listing(s) for {}", result.skippedItems(), uri);
      }
      if (result.hasWarnings()) {
        log.info("eBay warned about {}: {}", uri, result.warnings());
      }
      return result;
    }
  }

  private HttpAnswer call(SearchRequest request, URI uri, String token) throws Retrier.Transient {
    try {
      return http.get()
          .uri(uri)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .header(MARKETPLACE_HEADER, marketplaceId(request))
          .headers(
              headers -> {
                String context = endUserContext(request);
                if (context != null) {
                  headers.set(END_USER_CONTEXT_HEADER, context);
                }
              })
          .accept(MediaType.APPLICATION_JSON)
          .exchange(
              (req, response) ->
                  new HttpAnswer(
                      response.getStatusCode().value(),
                      response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                      response.getBody().readAllBytes()));
    } catch (ResourceAccessException noAnswer) {
      count("io_error");
      throw Retrier.Transient.noAnswer(noAnswer);
    }
  }

  /** The request's marketplace, or the configured one. */
  private String marketplaceId(SearchRequest request) {
    return request.marketplace() != null ? request.marketplace().name() : marketplaceId;
  }

  /**
   * The {@code X-EBAY-C-ENDUSERCTX} value telling eBay where the buyer is, so that shipping costs
   * (above all calculated ones) and delivery estimates are the buyer's: {@code
   * contextualLocation=country%3DUS%2Czip%3D19406}, URL-encoded as eBay documents it; the country
   * alone without a postal code; null without a delivery country.
   */
  static String endUserContext(SearchRequest request) {
    if (request.deliveryCountry() == null) {
      return null;
    }
    String location = "country=" + request.deliveryCountry();
    if (request.deliveryPostalCode() != null) {
      location += ",zip=" + request.deliveryPostalCode();
    }
    // URLEncoder writes a space as '+'; eBay's header wants the percent form.
    return "contextualLocation="
        + URLEncoder.encode(location, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The search URL with eBay's parameters; every value strictly percent-encoded. */
  URI searchUri(SearchRequest request) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("q", query(request));
    values.put("limit", request.limit());
    values.put("offset", request.offset());
    if (request.sort().ebayValue() != null) {
      values.put("sort", request.sort().ebayValue());
    }
    if (!request.categoryIds().isEmpty()) {
      values.put("category_ids", String.join(",", request.categoryIds()));
    }
    if (request.categoryRefinements()) {
      // MATCHING_ITEMS keeps the listings coming: a refinement alone would replace them.
      values.put("fieldgroups", "MATCHING_ITEMS,CATEGORY_REFINEMENTS");
    }
    values.put("filter", filter(request));
    UriComponentsBuilder uri = UriComponentsBuilder.fromUri(baseUrl).path(SEARCH_PATH);
    values.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
    return uri.encode().buildAndExpand(values).toUri();
  }

  /** The phrase, with single excluded words in eBay's {@code -word} syntax. */
  static String query(SearchRequest request) {
    StringBuilder q = new StringBuilder(request.phrase());
    for (String word : request.excludeWords()) {
      if (!word.contains(" ")) {
        q.append(" -").append(word);
      }
    }
    return q.toString();
  }

  static String filter(SearchRequest request) {
    StringBuilder filter = new StringBuilder();
    if (request.minPrice() != null || request.maxPrice() != null) {
      filter
          .append("price:[")
          .append(request.minPrice() == null ? "" : request.minPrice().toPlainString())
          .append("..")
          .append(request.maxPrice() == null ? "" : request.maxPrice().toPlainString())
          .append("],priceCurrency:")
          .append(request.currency())
          .append(',');
    }
    if (!request.conditions().isEmpty()) {
      filter.append("conditions:").append(set(request.conditions())).append(',');
    }
    // eBay returns only fixed-price listings unless asked: "any" has to be spelled out.
    filter
        .append("buyingOptions:")
        .append(
            set(
                request.buyingOptions().isEmpty()
                    ? List.of(BuyingOption.AUCTION, BuyingOption.FIXED_PRICE)
                    : request.buyingOptions()));
    if (request.listedAfter() != null) {
      filter
          .append(",itemStartDate:[")
          .append(EBAY_TIME.format(request.listedAfter()))
          .append("..]");
    }
    if (request.minBids() != null || request.maxBids() != null) {
      // eBay's syntax: [1..5], [1] for at least one, [..5] for at most five.
      filter.append(",bidCount:[");
      if (request.minBids() != null) {
        filter.append(request.minBids());
      }
      if (request.maxBids() != null) {
        filter.append("..").append(request.maxBids());
      }
      filter.append(']');
    }
    if (request.deliveryCountry() != null) {
      filter.append(",deliveryCountry:").append(request.deliveryCountry());
    }
    if (request.itemLocationCountry() != null) {
      filter.append(",itemLocationCountry:").append(request.itemLocationCountry());
    }
    if (request.returnsAccepted()) {
      filter.append(",returnsAccepted:true");
    }
    if (request.freeShippingOnly()) {
      filter.append(",maxDeliveryCost:0");
    }
    // SearchRequest admits only names and ids without the filter syntax (, { } | [ ] :).
    appendSet(filter, "sellers", request.sellers());
    appendSet(filter, "excludeSellers", request.excludedSellers());
    appendSet(filter, "excludeCategoryIds", request.excludedCategoryIds());
    return filter.toString();
  }

  private static void appendSet(StringBuilder filter, String name, List<String> values) {
    if (!values.isEmpty()) {
      filter.append(',').append(name).append(":{").append(String.join("|", values)).append('}');
    }
  }

  private static String set(Collection<? extends Enum<?>> values) {
    return values.stream()
        .sorted(Comparator.comparingInt(Enum::ordinal))
        .map(Enum::name)
        .collect(Collectors.joining("|", "{", "}"));
  }

  private double remainingForGauge() {
    try {
      return budget.status().remaining();
    } catch (RuntimeException unavailable) {
      return Double.NaN;
    }
  }

  private void count(String outcome) {
    meters.counter("ebay.calls", "outcome", outcome).increment();
  }

  private static JdkClientHttpRequestFactory requestFactory(EbayClientProperties properties) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(properties.readTimeout());
    return factory;
  }

  /** A short, stable key for (environment, client id) that does not reveal the client id. */
  private static String application(EbayClientProperties properties) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (properties.resolvedBaseUrl() + "|" + properties.clientId())
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
