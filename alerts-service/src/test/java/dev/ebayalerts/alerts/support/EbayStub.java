package dev.ebayalerts.alerts.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * eBay's token and search endpoints as WireMock stubs answering eBay's documented JSON, so a test
 * decides exactly which listings a search returns. One server per test JVM; tests keep apart by
 * using their own search phrases.
 */
public final class EbayStub {

  public static final String SEARCH = "/buy/browse/v1/item_summary/search";
  private static WireMockServer server;

  private EbayStub() {}

  public static synchronized WireMockServer server() {
    if (server == null) {
      server = new WireMockServer(options().dynamicPort());
      server.start();
      server.stubFor(
          post(urlPathEqualTo("/identity/v1/oauth2/token"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"access_token\":\"v^1.1#stub\",\"expires_in\":7200,"
                              + "\"token_type\":\"Application Access Token\"}")));
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  public static String baseUrl() {
    return server().baseUrl();
  }

  /** The search for {@code phrase} now answers these listings. */
  public static void listings(String phrase, Item... items) {
    server()
        .stubFor(
            get(urlPathEqualTo(SEARCH))
                .withQueryParam("q", equalTo(phrase))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(body(List.of(items)))));
  }

  /**
   * The search for {@code phrase} now answers these item summaries, given as eBay's JSON (the
   * members of {@code itemSummaries}), and optionally a {@code refinement} object.
   */
  public static void summaries(String phrase, String refinement, String... itemSummaries) {
    server()
        .stubFor(
            get(urlPathEqualTo(SEARCH))
                .withQueryParam("q", equalTo(phrase))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
                            {"href":"stub","total":%d,"limit":50,"offset":0,"itemSummaries":[%s]%s}"""
                                .formatted(
                                    itemSummaries.length,
                                    String.join(",", itemSummaries),
                                    refinement == null ? "" : ",\"refinement\":" + refinement))));
  }

  /** The search for {@code phrase} now fails with this status. */
  public static void failing(String phrase, int status) {
    server()
        .stubFor(
            get(urlPathEqualTo(SEARCH))
                .withQueryParam("q", equalTo(phrase))
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"errors\":[{\"errorId\":10001,\"domain\":\"API_BROWSE\","
                                + "\"category\":\"APPLICATION\",\"message\":\"Internal error\"}]}")));
  }

  /**
   * Every search without a stub of its own answers these listings, each after {@code delayMs}: a
   * stand-in for eBay with a fixed latency, for benchmarks.
   */
  public static void anySearch(int delayMs, Item... items) {
    server()
        .stubFor(
            get(urlPathEqualTo(SEARCH))
                // below the default priority (5): stubs of particular phrases still win
                .atPriority(10)
                .willReturn(
                    aResponse()
                        .withFixedDelay(delayMs)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body(List.of(items)))));
  }

  /**
   * Searches whose phrase matches {@code phraseRegex} and have no stub of their own answer these
   * listings, each after {@code delayMs}; they win over {@link #anySearch}.
   */
  public static void searchesMatching(String phraseRegex, int delayMs, Item... items) {
    server()
        .stubFor(
            get(urlPathEqualTo(SEARCH))
                .withQueryParam("q", matching(phraseRegex))
                .atPriority(9)
                .willReturn(
                    aResponse()
                        .withFixedDelay(delayMs)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body(List.of(items)))));
  }

  /** Searches received since the last {@link #forgetRequests()}, whatever the phrase. */
  public static int allSearches() {
    return server()
        .countRequestsMatching(getRequestedFor(urlPathEqualTo(SEARCH)).build())
        .getCount();
  }

  /** One search eBay received: its phrase and when. */
  public record Call(String phrase, Instant at) {}

  /** Searches received since the last {@link #forgetRequests()}, oldest first. */
  public static List<Call> searchCalls() {
    return server().getAllServeEvents().stream()
        .filter(event -> SEARCH.equals(event.getRequest().getUrl().split("\\?")[0]))
        .map(
            event ->
                new Call(
                    event.getRequest().queryParameter("q").firstValue(),
                    event.getRequest().getLoggedDate().toInstant()))
        .sorted(java.util.Comparator.comparing(Call::at))
        .toList();
  }

  public static void forgetRequests() {
    server().resetRequests();
  }

  public static int searches(String phrase) {
    return server()
        .countRequestsMatching(
            getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo(phrase)).build())
        .getCount();
  }

  /**
   * A listing in a stubbed search result: a Buy It Now listing, or an auction with its current bid
   * and end time.
   */
  public record Item(String id, String title, String price, String seller, Instant auctionEnd) {
    public static Item of(String id, String title, String price, String seller) {
      return new Item(id, title, price, seller, null);
    }

    /** An auction at its current bid, ending at {@code end}. */
    public static Item auction(String id, String title, String bid, String seller, Instant end) {
      return new Item(id, title, bid, seller, end);
    }

    String json() {
      String amount = new BigDecimal(price).toPlainString();
      String prices =
          auctionEnd == null
              ? "\"price\":{\"value\":\"%s\",\"currency\":\"USD\"},\"buyingOptions\":[\"FIXED_PRICE\"]"
                  .formatted(amount)
              : ("\"currentBidPrice\":{\"value\":\"%s\",\"currency\":\"USD\"},\"bidCount\":3,"
                      + "\"buyingOptions\":[\"AUCTION\"],\"itemEndDate\":\"%s\"")
                  .formatted(amount, auctionEnd);
      return """
          {"itemId":"v1|%s|0","title":"%s",%s,
           "image":{"imageUrl":"https://i.ebayimg.com/images/g/%s/s-l225.jpg"},
           "itemWebUrl":"https://www.ebay.com/itm/%s","condition":"Used","conditionId":"3000",
           "seller":{"username":"%s","feedbackPercentage":"99.5","feedbackScore":1200},
           "itemCreationDate":"2026-11-20T10:00:00.000Z"}"""
          .formatted(id, title, prices, id, id, seller);
    }
  }

  private static String body(List<Item> items) {
    return """
        {"href":"stub","total":%d,"limit":50,"offset":0,"itemSummaries":[%s]}"""
        .formatted(items.size(), items.stream().map(Item::json).collect(Collectors.joining(",")));
  }
}
