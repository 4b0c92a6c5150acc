package dev.ebayalerts.ebay;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads eBay's JSON leniently, field by field: a listing eBay sent half-filled is left out (or kept
 * without the missing parts) instead of failing the whole page, and a malformed part of a listing
 * (a shipping option, a category) costs that part only.
 *
 * <p>What eBay sends is bounded before it is kept: at most {@value #MAX_ITEMS} listings a page
 * (more count as skipped), {@value #MAX_WARNINGS} warnings, {@value #MAX_SHIPPING_OPTIONS} shipping
 * options and {@link ItemSummary#MAX_CATEGORIES} categories a listing, {@link
 * CategoryRefinement#MAX_CATEGORIES} category counts; ids that are not of eBay's shape are dropped
 * and names are cut at {@value #MAX_NAME_LENGTH} characters.
 */
final class EbayJson {

  static final int MAX_ITEMS = SearchRequest.MAX_LIMIT;
  static final int MAX_WARNINGS = 50;
  static final int MAX_SHIPPING_OPTIONS = 20;
  static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_URL_LENGTH = 4096;

  private static final Pattern CATEGORY_ID = Pattern.compile("[0-9]{1,19}");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern ITEM_GROUP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern ITEM_GROUP_PARAMETER =
      Pattern.compile("[?&]item_group_id=([^&#]{1,200})");

  private final JsonMapper json = JsonMapper.builder().build();

  /** The parts of a token answer the client uses. */
  record Token(String accessToken, long expiresInSeconds) {}

  /**
   * @throws JacksonException when the body is not JSON or lacks the token
   */
  Token token(byte[] body) {
    JsonNode root = object(body);
    String token = text(root.path("access_token"));
    Long expiresIn = whole(root.path("expires_in"));
    if (token == null || expiresIn == null || expiresIn <= 0) {
      throw new UnusableJson("a token answer without access_token or expires_in");
    }
    return new Token(token, expiresIn);
  }

  /** An OAuth error answer: {@code {"error":"invalid_client","error_description":...}}. */
  record OAuthError(String error, String description) {}

  /** The OAuth error of a refused token request, if the body is one. */
  Optional<OAuthError> oauthError(byte[] body) {
    try {
      JsonNode root = object(body);
      String error = text(root.path("error"));
      return error == null
          ? Optional.empty()
          : Optional.of(new OAuthError(error, text(root.path("error_description"))));
    } catch (JacksonException notJson) {
      return Optional.empty();
    }
  }

  /** eBay's {@code errors[]}, or nothing if the body has none or is not JSON. */
  List<EbayError> errors(byte[] body) {
    try {
      List<EbayError> errors = new ArrayList<>();
      for (JsonNode error : object(body).path("errors")) {
        errors.add(
            new EbayError(
                error.path("errorId").asInt(0),
                text(error.path("domain")),
                text(error.path("category")),
                text(error.path("message")),
                text(error.path("longMessage")),
                parameters(error.path("parameters"))));
      }
      return errors;
    } catch (JacksonException | IllegalArgumentException unreadable) {
      return List.of();
    }
  }

  /**
   * @throws JacksonException when the body is not a JSON object
   */
  SearchResult searchResult(byte[] body, List<String> excludedWords) {
    return searchResult(body, excludedWords, 0, 0);
  }

  /**
   * The page, with the requested limit and offset standing in for the ones eBay should echo.
   *
   * @throws JacksonException when the body is not a JSON object
   */
  SearchResult searchResult(
      byte[] body, List<String> excludedWords, int requestedLimit, int requestedOffset) {
    JsonNode root = object(body);
    List<Pattern> excluded = excludedWords.stream().map(EbayJson::wordPattern).toList();
    List<ItemSummary> items = new ArrayList<>();
    int skipped = 0;
    int seen = 0;
    for (JsonNode node : root.path("itemSummaries")) {
      if (++seen > MAX_ITEMS) {
        skipped++;
        continue;
      }
      ItemSummary item = usableItem(node);
      if (item == null) {
        skipped++;
      } else if (excluded.stream().noneMatch(word -> word.matcher(item.title()).find())) {
        items.add(item);
      }
    }
    List<EbayWarning> warnings = new ArrayList<>();
    for (JsonNode warning : root.path("warnings")) {
      if (warnings.size() == MAX_WARNINGS) {
        break;
      }
      warnings.add(
          new EbayWarning(
              warning.path("errorId").asInt(0),
              text(warning.path("domain")),
              text(warning.path("category")),
              text(warning.path("message")),
              text(warning.path("longMessage")),
              parameters(warning.path("parameters"))));
    }
    Integer total = count(root.path("total"));
    Integer limit = count(root.path("limit"));
    Integer offset = count(root.path("offset"));
    String next = text(root.path("next"));
    return new SearchResult(
        items,
        total == null ? items.size() : total,
        next != null,
        warnings,
        skipped,
        limit == null ? Math.max(0, requestedLimit) : limit,
        offset == null ? Math.max(0, requestedOffset) : offset,
        next == null || next.length() > MAX_URL_LENGTH ? null : next,
        refinement(root.path("refinement")));
  }

  /** eBay's category refinements, or null when it sent none. */
  private static CategoryRefinement refinement(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    String dominant = categoryId(node.path("dominantCategoryId"));
    List<CategoryCount> counts = new ArrayList<>();
    for (JsonNode distribution : array(node.path("categoryDistributions"))) {
      if (counts.size() == CategoryRefinement.MAX_CATEGORIES) {
        break;
      }
      String id = categoryId(distribution.path("categoryId"));
      Integer matches = count(distribution.path("matchCount"));
      if (id != null && matches != null) {
        counts.add(new CategoryCount(id, name(distribution.path("categoryName")), matches));
      }
    }
    return dominant == null && counts.isEmpty() ? null : new CategoryRefinement(dominant, counts);
  }

  private static ItemSummary usableItem(JsonNode node) {
    try {
      return item(node);
    } catch (RuntimeException unusable) {
      // A listing eBay sent in a shape we cannot read costs that listing, not the page.
      return null;
    }
  }

  /** The listing, or null when it lacks what every listing needs: an id, a title and a price. */
  private static ItemSummary item(JsonNode node) {
    String itemId = text(node.path("itemId"));
    String title = text(node.path("title"));
    // Auctions may come with no price, only the current bid.
    Money price = money(node.path("price"));
    Money currentBid = money(node.path("currentBidPrice"));
    Money usable = price != null ? price : currentBid;
    if (itemId == null || title == null || usable == null) {
      return null;
    }
    String imageUrl = text(node.path("image").path("imageUrl"));
    if (imageUrl == null) {
      imageUrl = text(node.path("thumbnailImages").path(0).path("imageUrl"));
    }
    Set<BuyingOption> options = EnumSet.noneOf(BuyingOption.class);
    for (JsonNode option : node.path("buyingOptions")) {
      String name = text(option);
      for (BuyingOption known : BuyingOption.values()) {
        if (known.name().equals(name)) {
          options.add(known);
        }
      }
    }
    JsonNode sellerNode = node.path("seller");
    Seller seller =
        sellerNode.isObject()
            ? new Seller(
                text(sellerNode.path("username")),
                integer(sellerNode.path("feedbackScore")),
                decimal(sellerNode.path("feedbackPercentage")))
            : null;
    Long bidCount = whole(node.path("bidCount"));
    return new ItemSummary(
        itemId,
        text(node.path("legacyItemId")),
        title,
        usable,
        currentBid,
        bidCount == null ? null : bidCount.intValue(),
        imageUrl,
        text(node.path("itemWebUrl")),
        text(node.path("condition")),
        text(node.path("conditionId")),
        options,
        seller,
        instant(node.path("itemCreationDate")),
        instant(node.path("itemOriginDate")),
        instant(node.path("itemEndDate")),
        marketingPrice(node.path("marketingPrice")),
        shipping(node.path("shippingOptions"), usable.currency()),
        itemLocation(node.path("itemLocation")),
        categories(node),
        itemGroupId(text(node.path("itemGroupHref"))),
        code(node.path("itemGroupType")),
        code(node.path("listingMarketplaceId")));
  }

  /**
   * The cheapest option whose cost eBay sent, preferring costs in the item's currency; else the
   * first readable option, without a cost. Null when eBay sent no readable option.
   */
  private static Shipping shipping(JsonNode options, String itemCurrency) {
    Shipping cheapest = null;
    Shipping firstUnknown = null;
    int read = 0;
    for (JsonNode option : array(options)) {
      if (++read > MAX_SHIPPING_OPTIONS) {
        break;
      }
      if (!option.isObject()) {
        continue;
      }
      Shipping shipping =
          new Shipping(
              ShippingCostType.of(text(option.path("shippingCostType"))),
              money(option.path("shippingCost")));
      if (!shipping.known()) {
        firstUnknown = firstUnknown == null ? shipping : firstUnknown;
      } else if (cheapest == null || cheaper(shipping.cost(), cheapest.cost(), itemCurrency)) {
        cheapest = shipping;
      }
    }
    return cheapest != null ? cheapest : firstUnknown;
  }

  private static boolean cheaper(Money candidate, Money best, String itemCurrency) {
    boolean candidateInItemCurrency = candidate.currency().equals(itemCurrency);
    boolean bestInItemCurrency = best.currency().equals(itemCurrency);
    if (candidateInItemCurrency != bestInItemCurrency) {
      return candidateInItemCurrency;
    }
    return candidate.currency().equals(best.currency())
        && candidate.value().compareTo(best.value()) < 0;
  }

  private static ItemLocation itemLocation(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    String country = text(node.path("country"));
    country = country != null && COUNTRY.matcher(country).matches() ? country : null;
    String postalCode = name(node.path("postalCode"));
    String city = name(node.path("city"));
    return country == null && postalCode == null && city == null
        ? null
        : new ItemLocation(country, postalCode, city);
  }

  /** eBay's {@code categories}, then the {@code leafCategoryIds} not among them. */
  private static List<Category> categories(JsonNode node) {
    Map<String, Category> categories = new LinkedHashMap<>();
    for (JsonNode category : array(node.path("categories"))) {
      if (categories.size() == ItemSummary.MAX_CATEGORIES) {
        break;
      }
      String id = categoryId(category.path("categoryId"));
      if (id != null && !categories.containsKey(id)) {
        categories.put(id, new Category(id, name(category.path("categoryName"))));
      }
    }
    for (JsonNode leaf : array(node.path("leafCategoryIds"))) {
      if (categories.size() == ItemSummary.MAX_CATEGORIES) {
        break;
      }
      String id = categoryId(leaf);
      if (id != null && !categories.containsKey(id)) {
        categories.put(id, new Category(id, null));
      }
    }
    return List.copyOf(categories.values());
  }

  /** The {@code item_group_id} of an {@code itemGroupHref}, or null. */
  static String itemGroupId(String href) {
    if (href == null || href.length() > MAX_URL_LENGTH) {
      return null;
    }
    Matcher parameter = ITEM_GROUP_PARAMETER.matcher(href);
    if (!parameter.find()) {
      return null;
    }
    try {
      String id = URLDecoder.decode(parameter.group(1), StandardCharsets.UTF_8);
      return ITEM_GROUP_ID.matcher(id).matches() ? id : null;
    } catch (IllegalArgumentException badEscape) {
      return null;
    }
  }

  private static String categoryId(JsonNode node) {
    String id = text(node);
    return id != null && CATEGORY_ID.matcher(id.trim()).matches() ? id.trim() : null;
  }

  /** An enumeration value such as {@code EBAY_US} or {@code SELLER_DEFINED_VARIATIONS}, or null. */
  private static String code(JsonNode node) {
    String value = text(node);
    return value != null && CODE.matcher(value.trim()).matches() ? value.trim() : null;
  }

  /** A display text, cut to {@value #MAX_NAME_LENGTH} characters. */
  private static String name(JsonNode node) {
    String value = text(node);
    if (value == null) {
      return null;
    }
    value = value.trim();
    if (value.length() > MAX_NAME_LENGTH) {
      int end = MAX_NAME_LENGTH;
      if (Character.isHighSurrogate(value.charAt(end - 1))) {
        end--;
      }
      value = value.substring(0, end);
    }
    return value;
  }

  /** The elements of an array; nothing for anything else, whose values are not a list. */
  private static Iterable<JsonNode> array(JsonNode node) {
    return node.isArray() ? node : List.of();
  }

  /** A count: a whole number from 0 to {@link Integer#MAX_VALUE}, or null. */
  private static Integer count(JsonNode node) {
    Long value = whole(node);
    return value == null || value < 0 ? null : (int) Math.min(Integer.MAX_VALUE, value);
  }

  private static MarketingPrice marketingPrice(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    MarketingPrice marketing =
        new MarketingPrice(
            money(node.path("originalPrice")),
            decimal(node.path("discountPercentage")),
            money(node.path("discountAmount")),
            text(node.path("priceTreatment")));
    return marketing.originalPrice() == null
            && marketing.discountPercentage() == null
            && marketing.discountAmount() == null
        ? null
        : marketing;
  }

  private JsonNode object(byte[] body) {
    JsonNode root = json.readTree(body);
    if (root == null || !root.isObject()) {
      throw new UnusableJson("not a JSON object");
    }
    return root;
  }

  /**
   * The amount, with eBay's conversion when it sent a usable one; null without a usable value and
   * currency. A broken conversion costs the conversion, not the amount.
   */
  private static Money money(JsonNode node) {
    BigDecimal value = decimal(node.path("value"));
    String currency = currency(node.path("currency"));
    if (value == null || currency == null || value.signum() < 0) {
      return null;
    }
    BigDecimal fromValue = decimal(node.path("convertedFromValue"));
    String fromCurrency = currency(node.path("convertedFromCurrency"));
    return fromValue == null || fromCurrency == null || fromValue.signum() < 0
        ? new Money(value, currency)
        : new Money(value, currency, fromValue, fromCurrency);
  }

  /** An ISO 4217 code as eBay sends it, e.g. {@code USD}, or null. */
  private static String currency(JsonNode node) {
    String code = text(node);
    return code != null && CURRENCY.matcher(code.trim()).matches() ? code.trim() : null;
  }

  private static Map<String, String> parameters(JsonNode node) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (JsonNode parameter : node) {
      String name = text(parameter.path("name"));
      String value = text(parameter.path("value"));
      if (name != null && value != null) {
        parameters.put(name, value);
      }
    }
    return parameters;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull() || !node.isValueNode()) {
      return null;
    }
    String value = node.asString();
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * A number of sensible size, or null: a value like {@code 1e999999999} would parse, but printing
   * or adding it would cost gigabytes.
   */
  private static BigDecimal decimal(JsonNode node) {
    String value = text(node);
    if (value == null || value.length() > 64) {
      return null;
    }
    try {
      BigDecimal number = new BigDecimal(value.trim());
      return number.precision() > 30 || number.scale() > 20 || number.scale() < -20 ? null : number;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Integer integer(JsonNode node) {
    Long value = whole(node);
    return value == null
        ? null
        : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  private static Long whole(JsonNode node) {
    BigDecimal value = decimal(node);
    try {
      return value == null ? null : value.longValueExact();
    } catch (ArithmeticException notWhole) {
      return null;
    }
  }

  private static Instant instant(JsonNode node) {
    String value = text(node);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** The word or phrase on its own, not inside a longer word, ignoring case. */
  private static Pattern wordPattern(String word) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** JSON that parsed but is not what eBay sends. */
  static final class UnusableJson extends JacksonException {
    UnusableJson(String message) {
      super(message);
    }
  }
}
