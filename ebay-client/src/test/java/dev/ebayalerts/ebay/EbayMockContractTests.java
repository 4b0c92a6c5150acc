package dev.ebayalerts.ebay;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/** The client against the project's ebay-mock, running in this JVM. */
class EbayMockContractTests extends EbayBrowseClientContract {

  @Override
  URI baseUrl() {
    return EbayMockServer.baseUrl();
  }

  @Override
  void resetServer() {
    EbayMockServer.reset();
  }

  @Override
  long tokenRequests() {
    return EbayMockServer.tokenRequests();
  }

  @Override
  long searchRequests() {
    return EbayMockServer.searchRequests();
  }

  @Override
  long tokenLifetimeSeconds() {
    return EbayMockServer.TOKEN_LIFETIME_SECONDS;
  }

  @Override
  String phrase() {
    return "drone";
  }

  @Override
  void givenTokenRefusedOnce() {
    EbayMockServer.faults("{\"expiredTokenCount\":1}");
  }

  @Override
  void givenTokensAlwaysRefused() {
    EbayMockServer.faults("{\"expiredTokenCount\":-1}");
  }

  @Override
  void givenRateLimitedOnce(int retryAfterSeconds) {
    EbayMockServer.faults("{\"rateLimitCount\":1,\"retryAfterSeconds\":" + retryAfterSeconds + "}");
  }

  @Override
  void givenServerErrors(boolean always) {
    EbayMockServer.faults("{\"serverErrorCount\":" + (always ? -1 : 1) + "}");
  }

  @Override
  void givenMalformedAnswer() {
    EbayMockServer.faults("{\"malformedCount\":1}");
  }

  @Override
  void givenIncompleteListings() {
    EbayMockServer.faults("{\"incompleteItemsEvery\":3}");
  }

  @Override
  void givenSlowAnswers(Duration latency) {
    EbayMockServer.faults("{\"latencyMs\":" + latency.toMillis() + "}");
  }

  @Override
  SearchRequest requestWithIgnoredFilter() {
    // The mock, on EBAY_US, ignores a price range in euros and says so.
    return SearchRequest.builder(phrase())
        .price(BigDecimal.ONE, new BigDecimal("10000"), "EUR")
        .build();
  }

  @Override
  SearchRequest requestTheServerRejects() {
    // Keywords made only of wildcards leave eBay nothing to search for.
    return SearchRequest.builder("***").build();
  }
}
