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
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against WireMock stubs that answer with eBay's documented shapes, plus the checks of
 * what exactly the client sends, which only a recording server can make.
 */
class WireMockContractTests extends EbayBrowseClientContract {

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

  // --- shipping, currencies, variations, refinements, paging ---

  @Test
  void readsFixedFreeCalculatedAndMissingShipping() {
    givenAnswer("headphones", "search-shipping.json");

    List<ItemSummary> items = client.search(SearchRequest.builder("headphones").build()).items();

    ItemSummary fixed = item(items, "v1|266112233445|0");
    assertThat(fixed.shipping()).isEqualTo(new Shipping(ShippingCostType.FIXED, usd("5.99")));
    assertThat(fixed.totalPrice()).isEqualTo(usd("194.99"));
    assertThat(fixed.freeShipping()).isFalse();

    ItemSummary free = item(items, "v1|266223344556|0");
    assertThat(free.shipping()).isEqualTo(new Shipping(ShippingCostType.FIXED, usd("0.00")));
    assertThat(free.freeShipping()).isTrue();
    assertThat(free.totalPrice()).isEqualTo(usd("219.99"));

    // Calculated shipping without the buyer's location: eBay sends no cost, which is not free.
    ItemSummary calculated = item(items, "v1|176334455667|0");
    assertThat(calculated.shipping()).isEqualTo(new Shipping(ShippingCostType.CALCULATED, null));
    assertThat(calculated.shipping().known()).isFalse();
    assertThat(calculated.freeShipping()).isFalse();
    assertThat(calculated.totalPrice()).isNull();

    ItemSummary absent = item(items, "v1|386445566778|0");
    assertThat(absent.shipping()).isNull();
    assertThat(absent.freeShipping()).isFalse();
    assertThat(absent.totalPrice()).isNull();
  }

  @Test
  void takesTheCheapestKnownShippingOptionAndSkipsMalformedOnes() {
    givenAnswer("headphones", "search-shipping.json");

    SearchResult result = client.search(SearchRequest.builder("headphones").build());

    assertThat(result.skippedItems()).isZero();
    ItemSummary several = item(result.items(), "v1|126556677889|0");
    assertThat(several.shipping()).isEqualTo(new Shipping(ShippingCostType.FIXED, usd("7.95")));
    assertThat(several.totalPrice()).isEqualTo(usd("136.95"));
  }

  @Test
  void readsLocationCategoriesAndListingMarketplace() {
    givenAnswer("headphones", "search-shipping.json");

    List<ItemSummary> items = client.search(SearchRequest.builder("headphones").build()).items();

    ItemSummary fixed = item(items, "v1|266112233445|0");
    assertThat(fixed.itemLocation()).isEqualTo(new ItemLocation("US", "191**", null));
    assertThat(fixed.listingMarketplaceId()).isEqualTo("EBAY_US");
    assertThat(fixed.categories())
        .containsExactly(
            new Category("112529", "Headphones"),
            new Category("293", "Consumer Electronics"),
            new Category("15052", "Portable Audio & Headphones"));
    // A second leaf category eBay names only by id.
    assertThat(item(items, "v1|126556677889|0").categories())
        .containsExactly(new Category("112529", "Headphones"), new Category("3286", null));
    ItemSummary bare = item(items, "v1|386445566778|0");
    assertThat(bare.itemLocation()).isNull();
    assertThat(bare.categories()).isEmpty();
  }

  @Test
  void readsEbaysConversionOfAForeignSellersPrices() {
    givenAnswer("hockey", "search-converted.json");

    List<ItemSummary> items = client.search(SearchRequest.builder("hockey").build()).items();

    ItemSummary jersey = item(items, "v1|295667788990|0");
    assertThat(jersey.price())
        .isEqualTo(new Money(new BigDecimal("73.41"), "USD", new BigDecimal("99.99"), "CAD"));
    assertThat(jersey.price().sellerAmount()).isEqualTo(money("99.99", "CAD"));
    assertThat(jersey.shipping().cost().sellerAmount()).isEqualTo(money("25.00", "CAD"));
    assertThat(jersey.totalPrice())
        .isEqualTo(new Money(new BigDecimal("91.76"), "USD", new BigDecimal("124.99"), "CAD"));
    assertThat(jersey.listingMarketplaceId()).isEqualTo("EBAY_CA");
    assertThat(jersey.itemLocation().country()).isEqualTo("CA");

    ItemSummary puck = item(items, "v1|305778899001|0");
    assertThat(puck.currentBidPrice().sellerAmount()).isEqualTo(money("200.00", "CAD"));
    assertThat(puck.price()).isEqualTo(puck.currentBidPrice());
    assertThat(puck.totalPrice()).isNull();
  }

  @Test
  void readsVariationGroups() {
    givenAnswer("running shoes", "search-variations.json");

    List<ItemSummary> items = client.search(SearchRequest.builder("running shoes").build()).items();

    ItemSummary variation = item(items, "v1|315012345678|614098765432");
    assertThat(variation.itemGroupId()).isEqualTo("315012345678");
    assertThat(variation.itemGroupType()).isEqualTo("SELLER_DEFINED_VARIATIONS");
    ItemSummary single = item(items, "v1|325123456789|0");
    assertThat(single.itemGroupId()).isNull();
    assertThat(single.itemGroupType()).isNull();
  }

  @Test
  void findsBestOfferListingsWithEbaysBuyingOptionFilter() {
    givenAnswer("running shoes", "search-variations.json");

    List<ItemSummary> items =
        client
            .search(
                SearchRequest.builder("running shoes")
                    .buyingOptions(BuyingOption.BEST_OFFER)
                    .build())
            .items();

    ebay.verify(
        getRequestedFor(urlPathEqualTo(SEARCH_PATH))
            .withQueryParam("filter", equalTo("buyingOptions:{BEST_OFFER}")));
    ItemSummary offers = item(items, "v1|325123456789|0");
    assertThat(offers.buyingOptions())
        .containsExactlyInAnyOrder(BuyingOption.FIXED_PRICE, BuyingOption.BEST_OFFER);
    assertThat(offers.acceptsOffers()).isTrue();
    assertThat(item(items, "v1|315012345678|614098765432").acceptsOffers()).isFalse();
  }

  @Test
  void asksForCategoryRefinementsAlongWithTheMatchingItems() {
    ebay.stubFor(
        search(1)
            .withQueryParam("fieldgroups", equalTo("MATCHING_ITEMS,CATEGORY_REFINEMENTS"))
            .willReturn(json(200, resource("search-refinements.json"))));

    SearchResult result =
        client.search(
            SearchRequest.builder("drone").categoryRefinements(true).limit(50).offset(100).build());

    assertThat(result.items()).isNotEmpty();
    assertThat(result.refinement())
        .isEqualTo(
            new CategoryRefinement(
                "179697",
                List.of(
                    new CategoryCount("179697", "Camera Drones", 97),
                    new CategoryCount("182186", "Other RC Model Vehicles & Kits", 31),
                    new CategoryCount("179698", "Drone Parts & Accessories", 14))));
  }

  @Test
  void asksForNoRefinementsUnlessTold() {
    SearchResult result = client.search(search());

    ebay.verify(getRequestedFor(urlPathEqualTo(SEARCH_PATH)).withoutQueryParam("fieldgroups"));
    assertThat(result.refinement()).isNull();
  }

  @Test
  void readsEbaysPagingDetails() {
    SearchResult first = client.search(search());

    assertThat(first.limit()).isEqualTo(20);
    assertThat(first.offset()).isZero();
    assertThat(first.next())
        .isEqualTo(
            "https://api.ebay.com/buy/browse/v1/item_summary/search?q=drone&limit=20&offset=20");
    assertThat(first.hasMore()).isTrue();
  }

  @Test
  void knowsTheLastPageByItsMissingNext() {
    givenAnswer("drone", "search-refinements.json");

    SearchResult last = client.search(SearchRequest.builder("drone").offset(100).build());

    assertThat(last.limit()).isEqualTo(50);
    assertThat(last.offset()).isEqualTo(100);
    assertThat(last.next()).isNull();
    assertThat(last.hasMore()).isFalse();
  }

  // --- marketplace and the buyer's location ---

  @Test
  void sendsTheRequestsMarketplaceInsteadOfTheConfiguredOne() {
    ebay.stubFor(
        search(1)
            .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_DE"))
            .willReturn(json(200, resource("search-ebay-de.json"))));

    ItemSummary bike =
        client
            .search(SearchRequest.builder("fahrrad").marketplace(Marketplace.EBAY_DE).build())
            .items()
            .get(0);

    ebay.verify(
        1,
        getRequestedFor(urlPathEqualTo(SEARCH_PATH))
            .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_DE")));
    assertThat(bike.price()).isEqualTo(money("549.00", "EUR"));
    assertThat(bike.listingMarketplaceId()).isEqualTo("EBAY_DE");
  }

  @Test
  void tellsEbayTheBuyersLocationTheWayItDocumentsIt() {
    client.search(SearchRequest.builder("headphones").deliverTo("us", "19406").build());

    ebay.verify(
        getRequestedFor(urlPathEqualTo(SEARCH_PATH))
            .withHeader(
                "X-EBAY-C-ENDUSERCTX", equalTo("contextualLocation=country%3DUS%2Czip%3D19406"))
            .withQueryParam(
                "filter", equalTo("buyingOptions:{FIXED_PRICE|AUCTION},deliveryCountry:US")));
  }

  @Test
  void readsTheCalculatedShippingEbayPricesForTheBuyersCountry() {
    ebay.stubFor(
        search(1)
            .withHeader("X-EBAY-C-ENDUSERCTX", equalTo("contextualLocation=country%3DDE"))
            .willReturn(json(200, resource("search-ebay-de.json"))));

    ItemSummary bike =
        client
            .search(
                SearchRequest.builder("fahrrad")
                    .marketplace(Marketplace.EBAY_DE)
                    .deliveryCountry("DE")
                    .build())
            .items()
            .get(0);

    assertThat(bike.shipping())
        .isEqualTo(new Shipping(ShippingCostType.CALCULATED, money("39.90", "EUR")));
    assertThat(bike.totalPrice()).isEqualTo(money("588.90", "EUR"));
  }

  @Test
  void percentEncodesSpacesInPostalCodes() {
    client.search(SearchRequest.builder("headphones").deliverTo("GB", "SW1A 1AA").build());

    ebay.verify(
        getRequestedFor(urlPathEqualTo(SEARCH_PATH))
            .withHeader(
                "X-EBAY-C-ENDUSERCTX",
                equalTo("contextualLocation=country%3DGB%2Czip%3DSW1A%201AA")));
  }

  @Test
  void sendsNoEndUserContextWithoutADeliveryCountry() {
    client.search(search());

    ebay.verify(getRequestedFor(urlPathEqualTo(SEARCH_PATH)).withoutHeader("X-EBAY-C-ENDUSERCTX"));
  }

  // --- the new filters ---

  static Stream<Arguments> filters() {
    return Stream.of(
        filter("at least one bid", b -> b.minBids(1), "bidCount:[1]"),
        filter("at most five bids", b -> b.maxBids(5), "bidCount:[..5]"),
        filter("one to five bids", b -> b.bids(1, 5), "bidCount:[1..5]"),
        filter("no bids yet", b -> b.bids(0, 0), "bidCount:[0..0]"),
        filter("delivery country", b -> b.deliveryCountry("de"), "deliveryCountry:DE"),
        filter("item location", b -> b.itemLocationCountry("GB"), "itemLocationCountry:GB"),
        filter("returns accepted", b -> b.returnsAccepted(true), "returnsAccepted:true"),
        filter("free shipping", b -> b.freeShippingOnly(true), "maxDeliveryCost:0"),
        filter(
            "sellers",
            b -> b.sellers("audio_outlet", "vintage.hifi"),
            "sellers:{audio_outlet|vintage.hifi}"),
        filter(
            "excluded sellers",
            b -> b.excludedSellers("studio-sale"),
            "excludeSellers:{studio-sale}"),
        filter(
            "excluded categories",
            b -> b.excludedCategoryIds("15052", "3286"),
            "excludeCategoryIds:{15052|3286}"));
  }

  private static Arguments filter(
      String name, UnaryOperator<SearchRequest.Builder> setting, String expected) {
    return arguments(named(name, setting), expected);
  }

  @ParameterizedTest
  @MethodSource("filters")
  void sendsEachFilterInEbaysSyntax(UnaryOperator<SearchRequest.Builder> setting, String expected) {
    client.search(setting.apply(SearchRequest.builder("headphones")).build());

    ebay.verify(
        getRequestedFor(urlPathEqualTo(SEARCH_PATH))
            .withQueryParam("filter", equalTo("buyingOptions:{FIXED_PRICE|AUCTION}," + expected)));
  }

  @Test
  void sendsEveryFilterAtOnceInOneFilterParameter() {
    client.search(
        SearchRequest.builder("headphones")
            .price(null, new BigDecimal("200"), "USD")
            .buyingOptions(BuyingOption.AUCTION, BuyingOption.BEST_OFFER)
            .bids(1, 10)
            .deliverTo("US", "19406")
            .itemLocationCountry("US")
            .returnsAccepted(true)
            .freeShippingOnly(true)
            .sellers("audio_outlet")
            .excludedSellers("studio-sale", "cheap*deals")
            .categoryIds("112529")
            .excludedCategoryIds("3286")
            .build());

    ebay.verify(
        getRequestedFor(urlPathEqualTo(SEARCH_PATH))
            .withQueryParam("category_ids", equalTo("112529"))
            .withQueryParam(
                "filter",
                equalTo(
                    "price:[..200],priceCurrency:USD,buyingOptions:{AUCTION|BEST_OFFER},"
                        + "bidCount:[1..10],deliveryCountry:US,itemLocationCountry:US,"
                        + "returnsAccepted:true,maxDeliveryCost:0,sellers:{audio_outlet},"
                        + "excludeSellers:{studio-sale|cheap*deals},excludeCategoryIds:{3286}")));
  }

  @Test
  void sendsTheCategoryAsEbaysCategoryIdsParameter() {
    client.search(SearchRequest.builder("headphones").categoryIds("112529").build());

    ebay.verify(
        getRequestedFor(urlPathEqualTo(SEARCH_PATH))
            .withQueryParam("category_ids", equalTo("112529"))
            .withQueryParam("filter", equalTo("buyingOptions:{FIXED_PRICE|AUCTION}")));
  }

  @Test
  void percentEncodesTheFilterSyntaxInTheUrl() {
    client.search(
        SearchRequest.builder("headphones").sellers("audio_outlet", "vintage.hifi").build());

    String url = ebay.findAll(getRequestedFor(urlPathEqualTo(SEARCH_PATH))).get(0).getUrl();
    assertThat(url)
        .contains(
            "filter=buyingOptions%3A%7BFIXED_PRICE%7CAUCTION%7D"
                + "%2Csellers%3A%7Baudio_outlet%7Cvintage.hifi%7D");
  }

  private static void givenAnswer(String phrase, String resource) {
    ebay.stubFor(
        search(1).withQueryParam("q", equalTo(phrase)).willReturn(json(200, resource(resource))));
  }

  private static ItemSummary item(List<ItemSummary> items, String itemId) {
    return items.stream()
        .filter(item -> item.itemId().equals(itemId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item " + itemId + " in " + items));
  }

  private static Money usd(String value) {
    return money(value, "USD");
  }

  private static Money money(String value, String currency) {
    return new Money(new BigDecimal(value), currency);
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
    try (InputStream in = WireMockContractTests.class.getResourceAsStream("/ebay/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException missing) {
      throw new UncheckedIOException(new IOException("missing test resource " + name, missing));
    }
  }
}
