package dev.ebayalerts.ebaymock.browse;

import dev.ebayalerts.ebaymock.EbayErrorBody;
import dev.ebayalerts.ebaymock.MockClock;
import dev.ebayalerts.ebaymock.RequestStats;
import dev.ebayalerts.ebaymock.faults.Faults;
import dev.ebayalerts.ebaymock.oauth.AccessTokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * eBay's {@code GET /buy/browse/v1/item_summary/search}: bearer token required, eBay's limits on
 * {@code limit} and {@code offset}, the {@code q}, {@code sort} and {@code filter} parameters, and
 * eBay's response and error shapes.
 *
 * <p>Error ids 1001 (invalid token), 2001 (too many requests), 12000 (internal error), 12001 (no
 * {@code q}), 12006 (limit) and 12002/12012 (filter warnings) are eBay's; 12007 for a bad offset
 * and 12008 for an unknown sort value are the mock's own stand-ins.
 */
@RestController
class SearchController {

  static final String SEARCH_PATH = "/buy/browse/v1/item_summary/search";
  static final int MAX_OFFSET = 10_000;
  private static final DateTimeFormatter EBAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Map<String, String> CURRENCY_BY_MARKETPLACE =
      Map.of(
          "EBAY_US", "USD",
          "EBAY_GB", "GBP",
          "EBAY_DE", "EUR",
          "EBAY_FR", "EUR",
          "EBAY_IT", "EUR",
          "EBAY_ES", "EUR",
          "EBAY_AU", "AUD",
          "EBAY_CA", "CAD");

  private final AccessTokens tokens;
  private final Faults faults;
  private final Listings listings;
  private final MockClock clock;
  private final RequestStats stats;
  private final JsonMapper json;

  SearchController(
      AccessTokens tokens,
      Faults faults,
      Listings listings,
      MockClock clock,
      RequestStats stats,
      JsonMapper json) {
    this.tokens = tokens;
    this.faults = faults;
    this.listings = listings;
    this.clock = clock;
    this.stats = stats;
    this.json = json;
  }

  @GetMapping(SEARCH_PATH)
  ResponseEntity<?> search(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestHeader(name = "X-EBAY-C-MARKETPLACE-ID", defaultValue = "EBAY_US") String marketplace,
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "limit", defaultValue = "50") String limitParam,
      @RequestParam(name = "offset", defaultValue = "0") String offsetParam,
      @RequestParam(name = "sort", required = false) String sort,
      @RequestParam(name = "filter", required = false) String filter) {
    stats.searchRequested();
    if (faults.latencyMs() > 0) {
      LockSupport.parkNanos(faults.latencyMs() * 1_000_000);
    }
    if (!tokens.accepts(authorization)) {
      return invalidToken();
    }
    if (faults.takeExpiredToken()) {
      tokens.expireAll();
      return invalidToken();
    }
    if (faults.takeRateLimit()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(faults.retryAfterSeconds()))
          .body(
              EbayErrorBody.of(
                  new EbayErrorBody.Detail(
                      2001,
                      "ACCESS",
                      "REQUEST",
                      "Too many requests.",
                      "The request limit has been reached for the resource.",
                      List.of())));
    }
    if (faults.takeServerError()) {
      return ResponseEntity.internalServerError()
          .body(
              EbayErrorBody.of(
                  new EbayErrorBody.Detail(
                      12000,
                      "API_BROWSE",
                      "APPLICATION",
                      "There was a problem with an eBay internal system or process. Contact eBay"
                          + " developer support for assistance.",
                      null,
                      List.of())));
    }

    SearchQuery query = SearchQuery.parse(q);
    if (query.isEmpty()) {
      return badRequest(
          12001,
          "The call must have a valid 'q', 'category_ids', 'epid', 'gtin', or 'charity_ids' query"
              + " parameter.",
          "q",
          q);
    }
    Integer limit = integer(limitParam);
    if (limit == null || limit < 1 || limit > 200) {
      return badRequest(
          12006, "The 'limit' value should be between 1 and 200 (inclusive).", "limit", limitParam);
    }
    Integer offset = integer(offsetParam);
    if (offset == null || offset < 0 || offset >= MAX_OFFSET || offset % limit != 0) {
      return badRequest(
          12007,
          "The 'offset' value must be zero or a multiple of 'limit', and below 10,000.",
          "offset",
          offsetParam);
    }
    Comparator<Match> order = order(sort);
    if (order == null) {
      return badRequest(12008, "The 'sort' value is invalid.", "sort", sort);
    }

    Instant now = clock.instant();
    String currency = CURRENCY_BY_MARKETPLACE.getOrDefault(marketplace, "USD");
    Filters filters = Filters.parse(filter, currency);
    List<Match> matches =
        listings.activeAt(query, now).stream()
            .filter(listing -> query.admits(listing.title()))
            .map(listing -> new Match(listing, listings.stateAt(listing, now)))
            .filter(match -> filters.admits(match.listing(), match.state()))
            .sorted(order)
            .toList();
    List<Match> page =
        matches.subList(Math.min(offset, matches.size()), Math.min(offset + limit, matches.size()));
    int incompleteEvery = faults.incompleteItemsEvery();
    List<SearchResponse.Item> items =
        IntStream.range(0, page.size())
            .mapToObj(
                i -> {
                  SearchResponse.Item item = item(page.get(i), currency);
                  if (incompleteEvery > 0 && i % incompleteEvery == 0) {
                    return item.withoutPrices();
                  }
                  if (incompleteEvery > 1 && i % incompleteEvery == 1) {
                    return item.withoutImages();
                  }
                  return item;
                })
            .toList();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("q", q);
    parameters.put("limit", String.valueOf(limit));
    parameters.put("sort", sort);
    parameters.put("filter", filter);
    boolean hasNext = offset + limit < matches.size() && offset + limit < MAX_OFFSET;
    SearchResponse response =
        new SearchResponse(
            link(parameters, offset),
            matches.size(),
            hasNext ? link(parameters, offset + limit) : null,
            offset > 0 ? link(parameters, Math.max(0, offset - limit)) : null,
            limit,
            offset,
            items,
            filters.warnings());
    if (faults.takeMalformed()) {
      String body = json.writeValueAsString(response);
      // A body cut short, as a broken proxy or connection would deliver it.
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(body.substring(0, body.length() / 2));
    }
    return ResponseEntity.ok(response);
  }

  private SearchResponse.Item item(Match match, String currency) {
    Listing listing = match.listing();
    ListingState state = match.state();
    String imageKey = Long.toString(listing.seed() & Long.MAX_VALUE, 36);
    SearchResponse.MarketingPrice marketing = null;
    if (state.originalPrice() != null) {
      BigDecimal discount = state.originalPrice().subtract(state.fixedPrice());
      marketing =
          new SearchResponse.MarketingPrice(
              amount(state.originalPrice(), currency),
              discount
                  .multiply(BigDecimal.valueOf(100))
                  .divide(state.originalPrice(), 0, RoundingMode.HALF_UP)
                  .toPlainString(),
              amount(discount, currency),
              "MARKDOWN");
    }
    String start = EBAY_TIME.format(listing.start());
    return new SearchResponse.Item(
        listing.itemId(),
        String.valueOf(listing.legacyItemId()),
        listing.title(),
        listing.hasImage()
            ? new SearchResponse.Image("https://i.ebayimg.com/images/g/" + imageKey + "/s-l225.jpg")
            : null,
        listing.hasImage()
            ? List.of(
                new SearchResponse.Image(
                    "https://i.ebayimg.com/images/g/" + imageKey + "/s-l1600.jpg"))
            : null,
        state.fixedPrice() == null ? null : amount(state.fixedPrice(), currency),
        state.currentBid() == null ? null : amount(state.currentBid(), currency),
        listing.isAuction() ? state.bidCount() : null,
        marketing,
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/buy/browse/v1/item/{id}")
            .buildAndExpand(listing.itemId())
            .encode()
            .toUriString(),
        "https://www.ebay.com/itm/" + listing.legacyItemId(),
        new SearchResponse.Seller(
            listing.sellerUsername(),
            listing.sellerFeedbackPercentage(),
            listing.sellerFeedbackScore()),
        listing.condition().label(),
        listing.condition().id(),
        listing.buyingOptions().stream().map(Enum::name).toList(),
        List.of(
            new SearchResponse.ShippingOption(
                "FIXED",
                amount(new BigDecimal(listing.seed() % 3 == 0 ? "4.99" : "0.00"), currency))),
        start,
        start,
        listing.isAuction() ? EBAY_TIME.format(listing.end()) : null,
        false);
  }

  /** This search at an offset, as eBay links {@code href}, {@code next} and {@code prev}. */
  private static String link(Map<String, String> parameters, int offset) {
    UriComponentsBuilder link =
        ServletUriComponentsBuilder.fromCurrentContextPath().path(SEARCH_PATH);
    Map<String, Object> values = new LinkedHashMap<>();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            link.queryParam(name, "{" + name + "}");
            values.put(name, value);
          }
        });
    values.put("offset", offset);
    return link.queryParam("offset", "{offset}").encode().buildAndExpand(values).toUriString();
  }

  private static SearchResponse.Amount amount(BigDecimal value, String currency) {
    return new SearchResponse.Amount(
        value.setScale(2, RoundingMode.HALF_UP).toPlainString(), currency);
  }

  /** eBay's sort values; null for one eBay would reject. */
  private static Comparator<Match> order(String sort) {
    Comparator<Match> byId = Comparator.comparingLong(match -> match.listing().legacyItemId());
    if (sort == null || sort.isBlank()) {
      // "Best match": an order of its own that is stable for the query.
      return Comparator.comparingDouble(
              (Match match) -> Rng.unit(Rng.mix(match.listing().seed(), 99)))
          .thenComparing(byId);
    }
    return switch (sort) {
      case "newlyListed" ->
          Comparator.comparing((Match match) -> match.listing().start())
              .reversed()
              .thenComparing(byId);
      case "endingSoonest" ->
          Comparator.comparing((Match match) -> match.listing().end()).thenComparing(byId);
      case "price" ->
          Comparator.comparing((Match match) -> match.state().price()).thenComparing(byId);
      case "-price" ->
          Comparator.comparing((Match match) -> match.state().price())
              .reversed()
              .thenComparing(byId);
      default -> null;
    };
  }

  private static Integer integer(String value) {
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static ResponseEntity<EbayErrorBody> invalidToken() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .body(
            EbayErrorBody.of(
                new EbayErrorBody.Detail(
                    1001,
                    "OAuth",
                    "REQUEST",
                    "Invalid access token",
                    "Invalid access token. Check the value of the Authorization HTTP request header.",
                    List.of())));
  }

  private static ResponseEntity<EbayErrorBody> badRequest(
      int errorId, String message, String parameter, String value) {
    return ResponseEntity.badRequest()
        .body(
            EbayErrorBody.of(
                EbayErrorBody.Detail.browseRequest(
                    errorId,
                    message,
                    new EbayErrorBody.Parameter(parameter, String.valueOf(value)))));
  }

  private record Match(Listing listing, ListingState state) {}
}
