package dev.ebayalerts.ebay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads eBay's JSON leniently, field by field: a listing eBay sent half-filled is left out (or kept
 * without the missing parts) instead of failing the whole page.
 */
final class EbayJson {

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
    JsonNode root = object(body);
    List<Pattern> excluded = excludedWords.stream().map(EbayJson::wordPattern).toList();
    List<ItemSummary> items = new ArrayList<>();
    int skipped = 0;
    for (JsonNode node : root.path("itemSummaries")) {
      ItemSummary item = usableItem(node);
      if (item == null) {
        skipped++;
      } else if (excluded.stream().noneMatch(word -> word.matcher(item.title()).find())) {
        items.add(item);
      }
    }
    List<EbayWarning> warnings = new ArrayList<>();
    for (JsonNode warning : root.path("warnings")) {
      warnings.add(
          new EbayWarning(
              warning.path("errorId").asInt(0),
              text(warning.path("domain")),
              text(warning.path("category")),
              text(warning.path("message")),
              text(warning.path("longMessage")),
              parameters(warning.path("parameters"))));
    }
    Long total = whole(root.path("total"));
    return new SearchResult(
        items,
        total == null ? items.size() : total.intValue(),
        text(root.path("next")) != null,
        warnings,
        skipped);
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
        marketingPrice(node.path("marketingPrice")));
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

  private static Money money(JsonNode node) {
    BigDecimal value = decimal(node.path("value"));
    String currency = text(node.path("currency"));
    return value == null || currency == null || value.signum() < 0
        ? null
        : new Money(value, currency);
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

  private static BigDecimal decimal(JsonNode node) {
    String value = text(node);
    try {
      return value == null ? null : new BigDecimal(value.trim());
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
