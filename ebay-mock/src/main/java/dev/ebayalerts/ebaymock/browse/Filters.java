package dev.ebayalerts.ebaymock.browse;

import dev.ebayalerts.ebaymock.EbayErrorBody;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code filter} parameter, e.g. {@code
 * price:[10..50],priceCurrency:USD,conditions:{NEW|USED},buyingOptions:{AUCTION|FIXED_PRICE}}, in
 * the syntax of eBay's Buy API field filters: {@code price}/{@code priceCurrency}, {@code
 * conditions}, {@code conditionIds}, {@code buyingOptions} (including {@code BEST_OFFER}), {@code
 * itemStartDate}, {@code itemEndDate}, {@code deliveryCountry}, {@code maxDeliveryCost} (only 0,
 * free shipping), {@code itemLocationCountry}, {@code returnsAccepted}, {@code sellers}, {@code
 * excludeSellers}, {@code bidCount} ({@code [1]}, {@code [..5]}, {@code [1..5]}; auctions only) and
 * {@code excludeCategoryIds}.
 *
 * <p>Like eBay, a filter the mock cannot use is ignored and reported in {@code warnings[]} rather
 * than failing the search: 12002 for an invalid value or a filter the mock does not know, 12012 for
 * {@code price} without {@code priceCurrency}.
 */
final class Filters {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern CATEGORY_ID = Pattern.compile("[0-9]{1,10}");

  private BigDecimal minPrice;
  private BigDecimal maxPrice;
  private Set<ListingCondition.Group> conditions = EnumSet.noneOf(ListingCondition.Group.class);
  private final Set<String> conditionIds = new HashSet<>();
  // eBay's default: only fixed-price listings unless buyingOptions says otherwise.
  private Set<BuyingOption> buyingOptions = EnumSet.of(BuyingOption.FIXED_PRICE);
  private Instant startedFrom;
  private Instant startedTo;
  private Instant endingFrom;
  private Instant endingTo;
  private String deliveryCountry;
  private boolean freeShippingOnly;
  private String itemLocationCountry;
  private boolean returnsAcceptedOnly;
  private final Set<String> sellers = new HashSet<>();
  private final Set<String> excludedSellers = new HashSet<>();
  private Integer minBids;
  private Integer maxBids;
  private final Set<String> excludedCategoryIds = new HashSet<>();
  private final List<EbayErrorBody.Detail> warnings = new ArrayList<>();

  private Filters() {}

  static Filters parse(String filter, String marketplaceCurrency) {
    Filters filters = new Filters();
    String price = null;
    String priceCurrency = null;
    for (String part : split(filter)) {
      int colon = part.indexOf(':');
      if (colon <= 0) {
        filters.invalid(part);
        continue;
      }
      String field = part.substring(0, colon).trim();
      String value = part.substring(colon + 1).trim();
      switch (field) {
        case "price" -> price = value;
        case "priceCurrency" -> priceCurrency = value;
        case "conditions" -> filters.conditions(part, value);
        case "conditionIds" -> filters.conditionIds(part, value);
        case "buyingOptions" -> filters.buyingOptions(part, value);
        case "itemStartDate" -> filters.startDates(part, value);
        case "itemEndDate" -> filters.endDates(part, value);
        case "deliveryCountry" -> filters.deliveryCountry = filters.country(part, value);
        case "maxDeliveryCost" -> filters.maxDeliveryCost(part, value);
        case "itemLocationCountry" -> filters.itemLocationCountry = filters.country(part, value);
        case "returnsAccepted" -> filters.returnsAccepted(part, value);
        case "sellers" -> filters.usernames(part, value, filters.sellers);
        case "excludeSellers" -> filters.usernames(part, value, filters.excludedSellers);
        case "bidCount" -> filters.bidCount(part, value);
        case "excludeCategoryIds" -> filters.excludeCategoryIds(part, value);
        default -> filters.invalid(part);
      }
    }
    if (price != null) {
      filters.price(price, priceCurrency, marketplaceCurrency);
    }
    return filters;
  }

  List<EbayErrorBody.Detail> warnings() {
    return warnings;
  }

  /** The country of {@code deliveryCountry}, or null. */
  String deliveryCountry() {
    return deliveryCountry;
  }

  boolean admits(Match match) {
    Listing listing = match.listing();
    ListingState state = match.state();
    BigDecimal price = match.price();
    String seller = listing.seller().username().toLowerCase(Locale.ROOT);
    return (minPrice == null || price.compareTo(minPrice) >= 0)
        && (maxPrice == null || price.compareTo(maxPrice) <= 0)
        && (conditions.isEmpty() || conditions.contains(listing.condition().group()))
        && (conditionIds.isEmpty() || conditionIds.contains(listing.condition().id()))
        && state.buyingOptions().stream().anyMatch(buyingOptions::contains)
        && (startedFrom == null || !listing.start().isBefore(startedFrom))
        && (startedTo == null || !listing.start().isAfter(startedTo))
        && (endingFrom == null || !listing.end().isBefore(endingFrom))
        && (endingTo == null || !listing.end().isAfter(endingTo))
        && (deliveryCountry == null
            || listing.shipping().to(deliveryCountry, listing.seller().country()).isPresent())
        && (!freeShippingOnly || (match.shipping() != null && match.shipping().isFree()))
        && (itemLocationCountry == null || itemLocationCountry.equals(listing.seller().country()))
        && (!returnsAcceptedOnly || listing.returnsAccepted())
        && (sellers.isEmpty() || sellers.contains(seller))
        && !excludedSellers.contains(seller)
        && bidsAdmit(listing, state)
        && excludedCategoryIds.stream().noneMatch(listing.category()::isWithin);
  }

  private boolean bidsAdmit(Listing listing, ListingState state) {
    if (minBids == null && maxBids == null) {
      return true;
    }
    // eBay applies bidCount to auctions only.
    return listing.isAuction()
        && (minBids == null || state.bidCount() >= minBids)
        && (maxBids == null || state.bidCount() <= maxBids);
  }

  private void price(String value, String currency, String marketplaceCurrency) {
    if (currency == null) {
      warnings.add(
          EbayErrorBody.Detail.browseRequest(
              12012,
              "The 'price' filter was ignored: it must be used together with 'priceCurrency'.",
              new EbayErrorBody.Parameter("price", value)));
      return;
    }
    if (!currency.equals(marketplaceCurrency)) {
      warnings.add(
          EbayErrorBody.Detail.browseRequest(
              12002,
              "The 'priceCurrency' value %s is invalid for this marketplace, which uses %s. The price filter was ignored."
                  .formatted(currency, marketplaceCurrency),
              new EbayErrorBody.Parameter("priceCurrency", currency)));
      return;
    }
    try {
      String[] bounds = ranges(value);
      BigDecimal min = bounds[0].isEmpty() ? null : new BigDecimal(bounds[0]);
      BigDecimal max = bounds[1].isEmpty() ? null : new BigDecimal(bounds[1]);
      if ((min != null && min.signum() < 0)
          || (max != null && max.signum() < 0)
          || (min != null && max != null && min.compareTo(max) > 0)) {
        throw new IllegalArgumentException("negative or inverted range");
      }
      minPrice = min;
      maxPrice = max;
    } catch (IllegalArgumentException invalid) {
      invalid("price:" + value);
    }
  }

  private void conditions(String part, String value) {
    try {
      Set<ListingCondition.Group> groups = EnumSet.noneOf(ListingCondition.Group.class);
      for (String name : set(value)) {
        groups.add(ListingCondition.Group.valueOf(name.toUpperCase(Locale.ROOT)));
      }
      conditions = groups;
    } catch (IllegalArgumentException invalid) {
      invalid(part);
    }
  }

  private void conditionIds(String part, String value) {
    try {
      for (String id : set(value)) {
        conditionIds.add(String.valueOf(Integer.parseInt(id)));
      }
    } catch (IllegalArgumentException invalid) {
      conditionIds.clear();
      invalid(part);
    }
  }

  private void buyingOptions(String part, String value) {
    try {
      Set<BuyingOption> options = EnumSet.noneOf(BuyingOption.class);
      for (String name : set(value)) {
        options.add(BuyingOption.valueOf(name));
      }
      buyingOptions = options;
    } catch (IllegalArgumentException invalid) {
      invalid(part);
    }
  }

  private void startDates(String part, String value) {
    try {
      Instant[] range = instants(value);
      startedFrom = range[0];
      startedTo = range[1];
    } catch (IllegalArgumentException | DateTimeParseException invalid) {
      invalid(part);
    }
  }

  private void endDates(String part, String value) {
    try {
      Instant[] range = instants(value);
      endingFrom = range[0];
      endingTo = range[1];
    } catch (IllegalArgumentException | DateTimeParseException invalid) {
      invalid(part);
    }
  }

  private String country(String part, String value) {
    if (COUNTRY.matcher(value).matches()) {
      return value;
    }
    invalid(part);
    return null;
  }

  private void maxDeliveryCost(String part, String value) {
    // eBay supports only 0: free shipping.
    try {
      if (new BigDecimal(value).signum() == 0) {
        freeShippingOnly = true;
        return;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    invalid(part);
  }

  private void returnsAccepted(String part, String value) {
    switch (value) {
      case "true" -> returnsAcceptedOnly = true;
      case "false" -> returnsAcceptedOnly = false;
      default -> invalid(part);
    }
  }

  private void usernames(String part, String value, Set<String> into) {
    try {
      for (String username : set(value)) {
        if (username.isBlank()) {
          throw new IllegalArgumentException("blank username");
        }
        into.add(username.trim().toLowerCase(Locale.ROOT));
      }
    } catch (IllegalArgumentException invalid) {
      into.clear();
      invalid(part);
    }
  }

  private void bidCount(String part, String value) {
    try {
      String[] bounds = ranges(value);
      Integer min = bounds[0].isEmpty() ? null : Integer.valueOf(bounds[0]);
      Integer max = bounds[1].isEmpty() ? null : Integer.valueOf(bounds[1]);
      if ((min != null && min < 0)
          || (max != null && max < 0)
          || (min != null && max != null && min > max)) {
        throw new IllegalArgumentException("negative or inverted range");
      }
      minBids = min;
      maxBids = max;
    } catch (IllegalArgumentException invalid) {
      invalid(part);
    }
  }

  private void excludeCategoryIds(String part, String value) {
    List<String> ids = value.startsWith("{") ? null : List.of(value);
    try {
      for (String id : ids != null ? ids : set(value)) {
        if (!CATEGORY_ID.matcher(id).matches()) {
          throw new IllegalArgumentException("not a category id: " + id);
        }
        excludedCategoryIds.add(id);
      }
    } catch (IllegalArgumentException invalid) {
      excludedCategoryIds.clear();
      invalid(part);
    }
  }

  private void invalid(String part) {
    warnings.add(
        EbayErrorBody.Detail.browseRequest(
            12002,
            "The 'filter' value '%s' is invalid and was ignored. For the valid values, refer to the API call documentation."
                .formatted(part),
            new EbayErrorBody.Parameter("filter", part)));
  }

  private static Instant[] instants(String value) {
    String[] bounds = ranges(value);
    return new Instant[] {
      bounds[0].isEmpty() ? null : Instant.parse(bounds[0]),
      bounds[1].isEmpty() ? null : Instant.parse(bounds[1])
    };
  }

  /** {@code [a..b]}, {@code [a..]}, {@code [..b]} or {@code [a]} (at least a), as {a, b}. */
  private static String[] ranges(String value) {
    if (!value.startsWith("[") || !value.endsWith("]")) {
      throw new IllegalArgumentException("not a range: " + value);
    }
    String inner = value.substring(1, value.length() - 1).trim();
    int dots = inner.indexOf("..");
    if (dots < 0) {
      if (inner.isEmpty()) {
        throw new IllegalArgumentException("empty range");
      }
      return new String[] {inner, ""};
    }
    return new String[] {inner.substring(0, dots).trim(), inner.substring(dots + 2).trim()};
  }

  /** {@code {A|B}} as its members. */
  private static List<String> set(String value) {
    if (!value.startsWith("{") || !value.endsWith("}") || value.length() < 3) {
      throw new IllegalArgumentException("not a set: " + value);
    }
    return List.of(value.substring(1, value.length() - 1).split("\\|"));
  }

  /** Splits on the commas that separate filters, not those inside brackets or braces. */
  private static List<String> split(String filter) {
    List<String> parts = new ArrayList<>();
    if (filter == null || filter.isBlank()) {
      return parts;
    }
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : filter.toCharArray()) {
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      }
      if (c == ',' && depth <= 0) {
        add(parts, current);
      } else {
        current.append(c);
      }
    }
    add(parts, current);
    return parts;
  }

  private static void add(List<String> parts, StringBuilder current) {
    if (!current.toString().isBlank()) {
      parts.add(current.toString().trim());
    }
    current.setLength(0);
  }
}
