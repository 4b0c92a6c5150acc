package dev.ebayalerts.ebaymock.browse;

import dev.ebayalerts.ebaymock.EbayErrorBody;
import dev.ebayalerts.ebaymock.EbayMockProperties;
import dev.ebayalerts.ebaymock.MockClock;
import dev.ebayalerts.ebaymock.oauth.AccessTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * eBay's {@code GET /buy/browse/v1/item_summary/search}: bearer token required, the {@code
 * X-EBAY-C-MARKETPLACE-ID} and {@code X-EBAY-C-ENDUSERCTX} headers, eBay's limits on {@code limit}
 * and {@code offset}, the {@code q}, {@code category_ids}, {@code fieldgroups}, {@code sort} and
 * {@code filter} parameters, and eBay's response, error and warning shapes.
 *
 * <p>Error ids are eBay's: 1001 (invalid token), 2001 (too many requests), 12000 (internal error),
 * 12001 (no {@code q}), 12004/12005/12029/12515 (offset), 12006/12007 (limit), 12019 (marketplace
 * not supported); and as warnings 12002/12012 (filters), 12008 (sort), 12009 ({@code
 * category_ids}), 12016 ({@code fieldgroups}).
 *
 * <p>The faults tests ask for (latency, expired tokens, 429, 500, incomplete items, a body cut
 * short) are played around it by {@code faults.FaultInjection}, so searching knows nothing of them.
 */
@RestController
class SearchController {

  static final String SEARCH_PATH = "/buy/browse/v1/item_summary/search";
  static final int MAX_OFFSET = 10_000;
  static final String MARKETPLACE_HEADER = "X-EBAY-C-MARKETPLACE-ID";
  static final String END_USER_HEADER = "X-EBAY-C-ENDUSERCTX";
  private static final Pattern CATEGORY_ID = Pattern.compile("[0-9]{1,10}");

  private final AccessTokens tokens;
  private final Listings listings;
  private final MockClock clock;
  private final String publicUrl;

  SearchController(
      AccessTokens tokens, Listings listings, MockClock clock, EbayMockProperties properties) {
    this.tokens = tokens;
    this.listings = listings;
    this.clock = clock;
    this.publicUrl = properties.publicUrl();
  }

  @GetMapping(SEARCH_PATH)
  ResponseEntity<?> search(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestHeader(name = MARKETPLACE_HEADER, required = false) String marketplace,
      @RequestHeader(name = END_USER_HEADER, required = false) String endUserContext,
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "category_ids", required = false) String categoryIdsParam,
      @RequestParam(name = "fieldgroups", required = false) String fieldgroupsParam,
      @RequestParam(name = "limit", defaultValue = "50") String limitParam,
      @RequestParam(name = "offset", defaultValue = "0") String offsetParam,
      @RequestParam(name = "sort", required = false) String sortParam,
      @RequestParam(name = "filter", required = false) String filter) {
    if (!tokens.accepts(authorization)) {
      return invalidToken();
    }
    String siteId = marketplace == null || marketplace.isBlank() ? "EBAY_US" : marketplace.trim();
    Marketplace site = Marketplace.ofId(siteId).orElse(null);
    if (site == null) {
      return ResponseEntity.badRequest()
          .body(
              EbayErrorBody.of(
                  new EbayErrorBody.Detail(
                      12019,
                      "API_BROWSE",
                      "BUSINESS",
                      "Currently, the %s marketplace is not supported. The supported Marketplaces are: %s ."
                          .formatted(
                              siteId,
                              Arrays.stream(Marketplace.values())
                                  .map(Enum::name)
                                  .collect(Collectors.joining(", "))),
                      null,
                      List.of(new EbayErrorBody.Parameter("marketplaceId", siteId)))));
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
    if (limit == null) {
      return badRequest(12007, "The 'limit' value must be an integer value.", "limit", limitParam);
    }
    if (limit < 1 || limit > 200) {
      return badRequest(
          12006, "The 'limit' value should be between 1 and 200 (inclusive).", "limit", limitParam);
    }
    Integer offset = integer(offsetParam);
    if (offset == null) {
      return badRequest(12005, "The 'offset' value must be an integer.", "offset", offsetParam);
    }
    if (offset < 0) {
      return badRequest(12004, "The 'offset' value cannot be negative.", "offset", offsetParam);
    }
    if (offset >= MAX_OFFSET) {
      return badRequest(
          12029,
          "The maximum number of listings that can be retrieved is 10,000, so your offset value"
              + " must be less than 10,000. If 10,000 or more listings are matching your search"
              + " criteria, consider narrowing the scope of your search.",
          "offset",
          offsetParam);
    }
    if (offset % limit != 0) {
      return badRequest(
          12515,
          "The 'offset' value must be either zero or a multiple of the 'limit' value.",
          "offset",
          offsetParam);
    }

    Filters filters = Filters.parse(filter, site.currency());
    List<EbayErrorBody.Detail> warnings = new ArrayList<>(filters.warnings());
    Comparator<Match> order = order(sortParam);
    String sort = sortParam;
    if (order == null) {
      warnings.add(
          EbayErrorBody.Detail.browseRequest(
              12008,
              "The 'sort' value is invalid. For the valid values, refer to the API call"
                  + " documentation.",
              new EbayErrorBody.Parameter("sort", sortParam)));
      order = order(null);
      sort = null;
    }
    List<String> categoryIds = categoryIds(categoryIdsParam, warnings);
    FieldGroups fieldgroups = FieldGroups.parse(fieldgroupsParam, warnings);

    Instant now = clock.instant();
    String buyerCountry =
        EndUserContext.country(endUserContext)
            .orElse(filters.deliveryCountry() != null ? filters.deliveryCountry() : site.country());
    List<Match> matches = matches(query, site, categoryIds, filters, buyerCountry, now);
    matches.sort(order);

    SearchLinks links =
        SearchLinks.of(
            q,
            categoryIds.isEmpty() ? null : String.join(",", categoryIds),
            limit,
            sort,
            filter,
            fieldgroupsParam);
    boolean returnsItems = fieldgroups.items();
    List<SearchResponse.Item> items = List.of();
    if (returnsItems) {
      String apiBase = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
      ItemSummaries summaries =
          new ItemSummaries(
              apiBase,
              publicUrl != null ? stripSlash(publicUrl) : apiBase,
              site,
              fieldgroups.extended());
      List<Match> page =
          matches.subList(
              Math.min(offset, matches.size()), Math.min(offset + limit, matches.size()));
      items =
          matches
              .subList(Math.min(offset, matches.size()), Math.min(offset + limit, matches.size()))
              .stream()
              .map(summaries::of)
              .toList();
    }
    boolean hasNext =
        returnsItems && offset + limit < matches.size() && offset + limit < MAX_OFFSET;
    SearchResponse response =
        new SearchResponse(
            links.at(offset),
            matches.size(),
            hasNext ? links.at(offset + limit) : null,
            returnsItems && offset > 0 ? links.at(Math.max(0, offset - limit)) : null,
            limit,
            offset,
            items,
            Refinements.of(fieldgroups, matches, links),
            warnings);
    return ResponseEntity.ok(response);
  }

  /**
   * The listings' item summaries that match: in the categories asked for, without excluded words in
   * their titles, and passing the filters. Prices are converted into the site's currency and
   * shipping is to the buyer's country.
   */
  private List<Match> matches(
      SearchQuery query,
      Marketplace site,
      List<String> categoryIds,
      Filters filters,
      String buyerCountry,
      Instant now) {
    Map<String, ExchangeRates.Conversion> conversions = new HashMap<>();
    List<Match> matches = new ArrayList<>();
    for (Listing listing : listings.activeAt(query, site, now)) {
      if (!categoryIds.isEmpty() && categoryIds.stream().noneMatch(listing.category()::isWithin)) {
        continue;
      }
      String currency = listing.seller().currency();
      ExchangeRates.Conversion conversion =
          conversions.computeIfAbsent(
              currency, from -> ExchangeRates.conversion(from, site.currency(), now));
      Shipping.Option shipping =
          listing.shipping().to(buyerCountry, listing.seller().country()).orElse(null);
      for (Listing.Variant variant : listing.variants()) {
        if (query.admits(listing.title(variant))) {
          Match match =
              new Match(
                  listing, variant, listings.stateAt(listing, variant, now), conversion, shipping);
          if (filters.admits(match)) {
            matches.add(match);
          }
        }
      }
    }
    return matches;
  }

  /** The ids of {@code category_ids}; an invalid value is ignored with warning 12009. */
  private static List<String> categoryIds(String value, List<EbayErrorBody.Detail> warnings) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> ids = Arrays.stream(value.split(",")).map(String::trim).toList();
    if (ids.stream().allMatch(id -> CATEGORY_ID.matcher(id).matches())) {
      return ids;
    }
    warnings.add(
        EbayErrorBody.Detail.browseRequest(
            12009,
            "The 'category_ids' query parameter is invalid.",
            new EbayErrorBody.Parameter("category_ids", value)));
    return List.of();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** eBay's sort values; null for one eBay ignores with a warning. */
  private static Comparator<Match> order(String sort) {
    Comparator<Match> byId =
        Comparator.comparingLong((Match match) -> match.listing().legacyItemId())
            .thenComparingLong(match -> match.variant().variationId());
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
      // eBay sorts by price plus shipping.
      case "price" -> Comparator.comparing(Match::totalCost).thenComparing(byId);
      case "-price" -> Comparator.comparing(Match::totalCost).reversed().thenComparing(byId);
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
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(EbayErrorBody.invalidToken());
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
}
