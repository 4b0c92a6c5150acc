package dev.ebayalerts.ebaymock.faults;

import dev.ebayalerts.ebaymock.EbayErrorBody;
import dev.ebayalerts.ebaymock.RequestStats;
import dev.ebayalerts.ebaymock.oauth.AccessTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays the faults in force ({@link Faults}) around eBay searches, so that the search itself knows
 * nothing of them. Before the search: latency, then, for a request with a valid token only (as eBay
 * checks the token first), an expired token (401, error 1001), too many requests (429 with {@code
 * Retry-After}, error 2001) or a server error (500, error 12000). After a successful search: items
 * without prices or pictures, and a body cut short. Every search request is counted, faulted or
 * not.
 */
@Component
class FaultInjection extends OncePerRequestFilter {

  static final String SEARCH_PATH = "/buy/browse/v1/item_summary/search";

  private final Faults faults;
  private final AccessTokens tokens;
  private final RequestStats stats;
  private final JsonMapper json;

  FaultInjection(Faults faults, AccessTokens tokens, RequestStats stats, JsonMapper json) {
    this.faults = faults;
    this.tokens = tokens;
    this.stats = stats;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().equals(request.getContextPath() + SEARCH_PATH);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    stats.searchRequested();
    if (faults.latencyMs() > 0) {
      LockSupport.parkNanos(faults.latencyMs() * 1_000_000);
    }
    if (tokens.accepts(request.getHeader(HttpHeaders.AUTHORIZATION)) && failedBefore(response)) {
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    byte[] body = answer.getContentAsByteArray();
    if (answer.getStatus() == HttpStatus.OK.value()) {
      body = withIncompleteItems(body);
      if (faults.takeMalformed()) {
        // A body cut short, as a broken proxy or connection would deliver it.
        body = Arrays.copyOf(body, body.length / 2);
      }
    }
    answer.resetBuffer();
    answer.getOutputStream().write(body);
    answer.copyBodyToResponse();
  }

  /** Answers the request with the next fault due before a search, if any. */
  private boolean failedBefore(HttpServletResponse response) throws IOException {
    if (faults.takeExpiredToken()) {
      tokens.expireAll();
      error(response, HttpStatus.UNAUTHORIZED, EbayErrorBody.invalidToken());
      return true;
    }
    if (faults.takeRateLimit()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(faults.retryAfterSeconds()));
      error(
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          EbayErrorBody.of(
              new EbayErrorBody.Detail(
                  2001,
                  "ACCESS",
                  "REQUEST",
                  "Too many requests.",
                  "The request limit has been reached for the resource.",
                  List.of())));
      return true;
    }
    if (faults.takeServerError()) {
      error(
          response,
          HttpStatus.INTERNAL_SERVER_ERROR,
          EbayErrorBody.of(
              new EbayErrorBody.Detail(
                  12000,
                  "API_BROWSE",
                  "APPLICATION",
                  "There was a problem with an eBay internal system or process. Contact eBay"
                      + " developer support for assistance.",
                  null,
                  List.of())));
      return true;
    }
    return false;
  }

  /**
   * With {@code incompleteItemsEvery} n, the first of every n items has no prices and the second no
   * pictures, as eBay sometimes answers.
   */
  private byte[] withIncompleteItems(byte[] body) {
    int every = faults.incompleteItemsEvery();
    if (every <= 0 || body.length == 0) {
      return body;
    }
    JsonNode answer = json.readTree(body);
    JsonNode items = answer.path("itemSummaries");
    for (int i = 0; i < items.size(); i++) {
      ObjectNode item = (ObjectNode) items.get(i);
      if (i % every == 0) {
        item.remove(List.of("price", "currentBidPrice", "marketingPrice"));
      } else if (every > 1 && i % every == 1) {
        item.remove(List.of("image", "thumbnailImages"));
      }
    }
    return json.writeValueAsBytes(answer);
  }

  private void error(HttpServletResponse response, HttpStatus status, EbayErrorBody body)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }
}
