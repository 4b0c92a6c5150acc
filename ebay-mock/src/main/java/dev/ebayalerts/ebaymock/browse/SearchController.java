package dev.ebayalerts.ebaymock.browse;

import dev.ebayalerts.ebaymock.EbayErrorBody;
import dev.ebayalerts.ebaymock.EbayMockProperties;
import dev.ebayalerts.ebaymock.MockClock;
import dev.ebayalerts.ebaymock.RequestStats;
import dev.ebayalerts.ebaymock.faults.Faults;
import dev.ebayalerts.ebaymock.oauth.AccessTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import tools.jackson.databind.json.JsonMapper;

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
 */
@RestController
class SearchController {

  static final String SEARCH_PATH = "/buy/browse/v1/item_summary/search";
  static final int MAX_OFFSET = 10_000;
  static final String MARKETPLACE_HEADER = "X-EBAY-C-MARKETPLACE-ID";
  static final String END_USER_HEADER = "X-EBAY-C-ENDUSERCTX";
  private static final Pattern CATEGORY_ID = Pattern.compile("[0-9]{1,10}");

  /** The {@code fieldgroups} values eBay accepts. */
  private enum FieldGroup {
    ASPECT_REFINEMENTS,
    BUYING_OPTION_REFINEMENTS,
    CATEGORY_REFINEMENTS,
    CONDITION_REFINEMENTS,
    EXTENDED,
    MATCHING_ITEMS,
    FULL
  }

  private final AccessTokens tokens;
  private final Faults faults;
  private final Listings listings;
  private final MockClock clock;
  private final RequestStats stats;
  private final JsonMapper json;
  private final String publicUrl;

  SearchController(
      AccessTokens tokens,
      Faults faults,
      Listings listings,
      MockClock clock,
      RequestStats stats,
      JsonMapper json,
      EbayMockProperties properties) {
    this.tokens = tokens;
    this.faults = faults;
    this.listings = listings;
    this.clock = clock;
    this.stats = stats;
    this.json = json;
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
    List<FieldGroup> fieldgroups = fieldgroups(fieldgroupsParam, warnings);

    Instant now = clock.instant();
    String buyerCountry =
        EndUserContext.country(endUserContext)
            .orElse(filters.deliveryCountry() != null ? filters.deliveryCountry() : site.country());
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
    matches.sort(order);

    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("q", q);
    parameters.put("category_ids", categoryIds.isEmpty() ? null : String.join(",", categoryIds));
    parameters.put("limit", String.valueOf(limit));
    parameters.put("sort", sort);
    parameters.put("filter", filter);
    parameters.put("fieldgroups", fieldgroupsParam);
    boolean returnsItems =
        fieldgroups.isEmpty()
            || fieldgroups.contains(FieldGroup.MATCHING_ITEMS)
            || fieldgroups.contains(FieldGroup.FULL)
            || fieldgroups.contains(FieldGroup.EXTENDED);
    List<SearchResponse.Item> items = List.of();
    if (returnsItems) {
      String apiBase = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
      ItemSummaries summaries =
          new ItemSummaries(
              apiBase,
              publicUrl != null ? stripSlash(publicUrl) : apiBase,
              site,
              fieldgroups.contains(FieldGroup.EXTENDED));
      List<Match> page =
          matches.subList(
              Math.min(offset, matches.size()), Math.min(offset + limit, matches.size()));
      int incompleteEvery = faults.incompleteItemsEvery();
      items =
          IntStream.range(0, page.size())
              .mapToObj(
                  i ->
                      summaries.of(
                          page.get(i),
                          incompleteEvery > 0 && i % incompleteEvery == 0,
                          incompleteEvery > 1 && i % incompleteEvery == 1))
              .toList();
    }
    boolean hasNext =
        returnsItems && offset + limit < matches.size() && offset + limit < MAX_OFFSET;
    SearchResponse response =
        new SearchResponse(
            link(parameters, offset),
            matches.size(),
            hasNext ? link(parameters, offset + limit) : null,
            returnsItems && offset > 0 ? link(parameters, Math.max(0, offset - limit)) : null,
            limit,
            offset,
            items,
            refinement(fieldgroups, matches, parameters),
            warnings);
    if (faults.takeMalformed()) {
      String body = json.writeValueAsString(response);
      // A body cut short, as a broken proxy or connection would deliver it.
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(body.substring(0, body.length() / 2));
    }
    return ResponseEntity.ok(response);
  }

  /** The refinements {@code fieldgroups} asks for, counted over every match. */
  private static SearchResponse.Refinement refinement(
      List<FieldGroup> fieldgroups, List<Match> matches, Map<String, String> parameters) {
    boolean full = fieldgroups.contains(FieldGroup.FULL);
    boolean categories = full || fieldgroups.contains(FieldGroup.CATEGORY_REFINEMENTS);
    boolean conditions = full || fieldgroups.contains(FieldGroup.CONDITION_REFINEMENTS);
    boolean buyingOptions = full || fieldgroups.contains(FieldGroup.BUYING_OPTION_REFINEMENTS);
    if (!full
        && !categories
        && !conditions
        && !buyingOptions
        && !fieldgroups.contains(FieldGroup.ASPECT_REFINEMENTS)) {
      return null;
    }
    Map<Category, Long> byCategory =
        matches.stream()
            .collect(
                Collectors.groupingBy(
                    m -> m.listing().category(), LinkedHashMap::new, Collectors.counting()));
    List<Map.Entry<Category, Long>> ranked =
        byCategory.entrySet().stream()
            .sorted(
                Map.Entry.<Category, Long>comparingByValue()
                    .reversed()
                    .thenComparing(e -> e.getKey().id()))
            .toList();
    String dominant = ranked.isEmpty() ? null : ranked.get(0).getKey().id();
    List<SearchResponse.CategoryDistribution> categoryDistributions =
        !categories
            ? List.of()
            : ranked.stream()
                .map(
                    e ->
                        new SearchResponse.CategoryDistribution(
                            e.getKey().id(),
                            e.getKey().name(),
                            e.getValue().intValue(),
                            refinementLink(parameters, "category_ids", e.getKey().id())))
                .toList();
    List<SearchResponse.ConditionDistribution> conditionDistributions =
        !conditions
            ? List.of()
            : Arrays.stream(ListingCondition.values())
                .map(
                    c ->
                        new SearchResponse.ConditionDistribution(
                            c.label(),
                            c.id(),
                            (int)
                                matches.stream().filter(m -> m.listing().condition() == c).count(),
                            refinementLink(
                                parameters, "filter", filter(parameters, "conditionIds", c.id()))))
                .filter(d -> d.matchCount() > 0)
                .toList();
    List<SearchResponse.BuyingOptionDistribution> buyingOptionDistributions =
        !buyingOptions
            ? List.of()
            : Arrays.stream(BuyingOption.values())
                .map(
                    o ->
                        new SearchResponse.BuyingOptionDistribution(
                            o.name(),
                            (int)
                                matches.stream()
                                    .filter(m -> m.state().buyingOptions().contains(o))
                                    .count(),
                            refinementLink(
                                parameters,
                                "filter",
                                filter(parameters, "buyingOptions", o.name()))))
                .filter(d -> d.matchCount() > 0)
                .toList();
    return new SearchResponse.Refinement(
        dominant, categoryDistributions, conditionDistributions, buyingOptionDistributions);
  }

  /** The search's filter with one more set filter, e.g. {@code ...,conditionIds:{3000}}. */
  private static String filter(Map<String, String> parameters, String field, String value) {
    String extra = field + ":{" + value + "}";
    String filter = parameters.get("filter");
    return filter == null || filter.isBlank() ? extra : filter + "," + extra;
  }

  private static String refinementLink(
      Map<String, String> parameters, String parameter, String value) {
    Map<String, String> refined = new LinkedHashMap<>(parameters);
    refined.put(parameter, value);
    return link(refined, 0);
  }

  /** This search at an offset, as eBay links {@code href}, {@code next} and {@code prev}. */
  private static String link(Map<String, String> parameters, int offset) {
    var link = ServletUriComponentsBuilder.fromCurrentContextPath().path(SEARCH_PATH);
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

  /** The values of {@code fieldgroups}; unknown ones are ignored with warning 12016. */
  private static List<FieldGroup> fieldgroups(String value, List<EbayErrorBody.Detail> warnings) {
    List<FieldGroup> groups = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return groups;
    }
    for (String name : value.split(",")) {
      String trimmed = name.trim();
      try {
        groups.add(FieldGroup.valueOf(trimmed));
      } catch (IllegalArgumentException unknown) {
        warnings.add(
            EbayErrorBody.Detail.browseRequest(
                12016,
                ("The 'fieldgroups' value %s is invalid. For the valid values, refer to the API"
                        + " call reference documentation")
                    .formatted(trimmed),
                new EbayErrorBody.Parameter("fieldgroups", trimmed)));
      }
    }
    return groups;
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
}
