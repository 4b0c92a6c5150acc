package dev.ebayalerts.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against WireMock stubs that answer with eBay's documented shapes, plus the checks of
 * what exactly the client sends, which only a recording server can make.
 */
class WireMockContractTest extends EbayBrowseClientContract {

  private static final String TOKEN_PATH = "/identity/v1/oauth2/token";
  private static final String SEARCH_PATH = "/buy/browse/v1/item_summary/search";
  private static final String BASIC_AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (EbayMockServer.CLIENT_ID + ":" + EbayMockServer.CLIENT_SECRET)
                      .getBytes(StandardCharsets.UTF_8));
  private static final String TOKEN = "v^1.1#i^1#p^1#r^0#I^3#f^0#t^H4sIAAAAAAAAAOVYa2wUVRTe";

  private static WireMockServer ebay;

  @BeforeAll
  static void startWireMock() {
    ebay = new WireMockServer(wireMockConfig().dynamicPort());
    ebay.start();
  }

  @AfterAll
  static void stopWireMock() {
    ebay.stop();
  }

  @Override
  URI baseUrl() {
    return URI.create(ebay.baseUrl());
  }

  @Override
  void resetServer() {
    ebay.resetAll();
    ebay.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .atPriority(10)
            .withHeader("Authorization", equalTo(BASIC_AUTH))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withFormParam("grant_type", equalTo("client_credentials"))
            .willReturn(
                json(
                    200,
                    """
                    {"access_token":"%s","expires_in":7200,"token_type":"Application Access Token"}
                    """
                        .formatted(TOKEN))));
    ebay.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .atPriority(20)
            .willReturn(
                json(
                    401,
                    """
                    {"error":"invalid_client","error_description":"client authentication failed"}
                    """)));
    ebay.stubFor(
        search(10)
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
            .willReturn(json(200, resource("search-drone.json"))));
    ebay.stubFor(
        search(5)
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withQueryParam("filter", containing("priceCurrency:EUR"))
            .willReturn(json(200, resource("search-with-warnings.json"))));
    ebay.stubFor(
        search(5)
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withQueryParam("q", equalTo("unanswerable"))
            .willReturn(
                json(
                    400,
                    """
                    {"errors":[{"errorId":12001,"domain":"API_BROWSE","category":"REQUEST",
                      "message":"The call must have a valid 'q', 'category_ids', 'epid', 'gtin', or 'charity_ids' query parameter."}]}
                    """)));
    ebay.stubFor(search(20).willReturn(invalidToken()));
  }

  @Override
  long tokenRequests() {
    return count(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Override
  long searchRequests() {
    return count(getRequestedFor(urlPathEqualTo(SEARCH_PATH)));
  }

  @Override
  long tokenLifetimeSeconds() {
    return 7200;
  }

  @Override
  String phrase() {
    return "drone";
  }

  @Override
  void givenTokenRefusedOnce() {
    ebay.stubFor(
        search(1)
            .inScenario("refused once")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("refused")
            .willReturn(invalidToken()));
  }

  @Override
  void givenTokensAlwaysRefused() {
    ebay.stubFor(search(1).willReturn(invalidToken()));
  }

  @Override
  void givenRateLimitedOnce(int retryAfterSeconds) {
    ebay.stubFor(
        search(1)
            .inScenario("rate limited once")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("served")
            .willReturn(
                json(
                        429,
                        """
                        {"errors":[{"errorId":2001,"domain":"ACCESS","category":"REQUEST",
                          "message":"Too many requests.","longMessage":"The request limit has been reached for the resource."}]}
                        """)
                    .withHeader("Retry-After", String.valueOf(retryAfterSeconds))));
  }

  @Override
  void givenServerErrors(boolean always) {
    MappingBuilder failing = search(1);
    if (!always) {
      failing =
          failing
              .inScenario("server error once")
              .whenScenarioStateIs(Scenario.STARTED)
              .willSetStateTo("recovered");
    }
    ebay.stubFor(
        failing.willReturn(
            json(
                500,
                """
                {"errors":[{"errorId":12000,"domain":"API_BROWSE","category":"APPLICATION",
                  "message":"There was a problem with an eBay internal system or process. Contact eBay developer support for assistance."}]}
                """)));
  }

  @Override
  void givenMalformedAnswer() {
    ebay.stubFor(
        search(1)
            .willReturn(
                json(200, "{\"href\":\"https://api.ebay.com/buy\",\"total\":4,\"itemSumm")));
  }

  @Override
  void givenIncompleteListings() {
    ebay.stubFor(search(1).willReturn(json(200, resource("search-incomplete.json"))));
  }

  @Override
  void givenSlowAnswers(Duration latency) {
    ebay.stubFor(
        search(1)
            .willReturn(
                json(200, resource("search-drone.json")).withFixedDelay((int) latency.toMillis())));
  }

  @Override
  SearchRequest requestWithIgnoredFilter() {
    return SearchRequest.builder(phrase())
        .price(BigDecimal.ONE, new BigDecimal("10000"), "EUR")
        .build();
  }

  @Override
  SearchRequest requestTheServerRejects() {
    return SearchRequest.builder("unanswerable").build();
  }

  // --- what the client sends ---

  @Test
  void asksForTheTokenTheWayEbayDocumentsIt() {
    client.search(search());

    ebay.verify(
        1,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withHeader("Authorization", equalTo(BASIC_AUTH))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withFormParam("grant_type", equalTo("client_credentials"))
            .withFormParam("scope", equalTo("https://api.ebay.com/oauth/api_scope")));
  }

  @Test
  void sendsTheAlertsFiltersInEbaysSyntax() {
    client.search(
        SearchRequest.builder("nintendo switch")
            .price(new BigDecimal("100"), new BigDecimal("250.50"), "usd")
            .conditions(ItemCondition.USED, ItemCondition.NEW)
            .buyingOptions(BuyingOption.AUCTION)
            .excludeWords(List.of("broken", "-for parts"))
            .sort(SortOrder.NEWLY_LISTED)
            .listedAfter(Instant.parse("2025-06-01T08:00:00Z"))
            .limit(100)
            .offset(200)
            .build());

    ebay.verify(
        getRequestedFor(urlPathEqualTo(SEARCH_PATH))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
            .withQueryParam("q", equalTo("nintendo switch -broken"))
            .withQueryParam("limit", equalTo("100"))
            .withQueryParam("offset", equalTo("200"))
            .withQueryParam("sort", equalTo("newlyListed"))
            .withQueryParam(
                "filter",
                equalTo(
                    "price:[100..250.50],priceCurrency:USD,conditions:{NEW|USED},"
                        + "buyingOptions:{AUCTION},itemStartDate:[2025-06-01T08:00:00.000Z..]")));
  }

  @Test
  void asksForAuctionsAndFixedPriceListingsUnlessToldOtherwise() {
    client.search(SearchRequest.builder("drone").build());

    ebay.verify(
        getRequestedFor(urlPathEqualTo(SEARCH_PATH))
            .withQueryParam("filter", equalTo("buyingOptions:{FIXED_PRICE|AUCTION}"))
            .withQueryParam("limit", equalTo("50"))
            .withQueryParam("offset", equalTo("0"))
            .withoutQueryParam("sort"));
  }

  @Test
  void encodesReservedCharactersInKeywords() {
    client.search(SearchRequest.builder("c++ & c# 100%").build());

    ebay.verify(
        getRequestedFor(urlPathEqualTo(SEARCH_PATH)).withQueryParam("q", equalTo("c++ & c# 100%")));
  }

  @Test
  void readsEveryDocumentedField() {
    ItemSummary item = client.search(search()).items().get(0);

    assertThat(item.itemId()).isEqualTo("v1|256712345678|0");
    assertThat(item.legacyItemId()).isEqualTo("256712345678");
    assertThat(item.price()).isEqualTo(new Money(new BigDecimal("379.99"), "USD"));
    assertThat(item.currentBidPrice()).isNull();
    assertThat(item.imageUrl())
        .isEqualTo("https://i.ebayimg.com/thumbs/images/g/AbCdAAOSwxyz/s-l225.jpg");
    assertThat(item.itemWebUrl()).isEqualTo("https://www.ebay.com/itm/256712345678");
    assertThat(item.condition()).isEqualTo("New");
    assertThat(item.conditionId()).isEqualTo("1000");
    assertThat(item.buyingOptions()).containsExactly(BuyingOption.FIXED_PRICE);
    assertThat(item.seller()).isEqualTo(new Seller("skyhigh_deals", 18342, new BigDecimal("99.6")));
    assertThat(item.itemCreationDate()).isEqualTo(Instant.parse("2025-06-01T09:14:22Z"));
    assertThat(item.itemOriginDate()).isEqualTo(Instant.parse("2025-06-01T09:14:22Z"));
    assertThat(item.itemEndDate()).isNull();
    assertThat(item.marketingPrice())
        .isEqualTo(
            new MarketingPrice(
                new Money(new BigDecimal("469.00"), "USD"),
                new BigDecimal("19"),
                new Money(new BigDecimal("89.01"), "USD"),
                "LIST_PRICE"));
  }

  @Test
  void retriesTheTokenEndpointWhenItFails() {
    ebay.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .atPriority(1)
            .inScenario("token endpoint down once")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("up")
            .willReturn(aResponse().withStatus(503)));

    assertThat(client.search(search()).items()).isNotEmpty();
    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(meters.counter("ebay.token.requests", "outcome", "server_error").count())
        .isEqualTo(1);
  }

  @Test
  void treatsAnUnreadableTokenAnswerAsUnavailable() {
    ebay.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).willReturn(json(200, "<html>oops</html>")));

    assertThatThrownBy(() -> client.search(search())).isInstanceOf(EbayUnavailable.class);
  }

  private static MappingBuilder search(int priority) {
    return get(urlPathEqualTo(SEARCH_PATH)).atPriority(priority);
  }

  private static ResponseDefinitionBuilder invalidToken() {
    return json(
        401,
        """
        {"errors":[{"errorId":1001,"domain":"OAuth","category":"REQUEST","message":"Invalid access token",
          "longMessage":"Invalid access token. Check the value of the Authorization HTTP request header."}]}
        """);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static long count(RequestPatternBuilder pattern) {
    return ebay.countRequestsMatching(pattern.build()).getCount();
  }

  private static String resource(String name) {
    try (InputStream in = WireMockContractTest.class.getResourceAsStream("/ebay/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException missing) {
      throw new UncheckedIOException(new IOException("missing test resource " + name, missing));
    }
  }
}
