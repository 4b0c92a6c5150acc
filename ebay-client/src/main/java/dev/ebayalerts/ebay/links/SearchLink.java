package dev.ebayalerts.ebay.links;

import dev.ebayalerts.ebay.Marketplace;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A search as an eBay web search link expresses it, in the terms an alert uses. Built by {@link
 * EbaySearchLinks#parse(String)} and turned back into a link by {@link
 * EbaySearchLinks#toUrl(SearchLink)}; the constructor normalises the values the way the parser
 * produces them, so a search survives the round trip unchanged.
 *
 * @param marketplace the eBay site searched; prices are in its {@link Marketplace#currency()}
 * @param phrase the keywords in eBay's syntax ({@code "exact phrase"}, {@code (a,b)} for either),
 *     without the exclusions; empty for a search of a whole category
 * @param excludedWords words or phrases no title may contain, lower case, without the dash
 * @param categoryIds eBay category ids, e.g. {@code 9355}; eBay's web search takes one, so links
 *     yield at most one
 * @param minPrice the lowest price, or null
 * @param maxPrice the highest price, or null
 * @param condition the condition group, or null for any condition
 * @param format the buying format, or null for any
 * @param freeShippingOnly only listings with free shipping
 * @param returnsAccepted only listings whose seller accepts returns
 * @param itemLocationCountry the ISO 3166 alpha-2 code of the country the items must be in, or null
 *     for anywhere
 * @param sort the order; {@link Sort#BEST_MATCH} (eBay's default) when null
 * @param sellers eBay user ids of the only sellers wanted; empty for any seller
 */
public record SearchLink(
    Marketplace marketplace,
    String phrase,
    List<String> excludedWords,
    List<String> categoryIds,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    Condition condition,
    Format format,
    boolean freeShippingOnly,
    boolean returnsAccepted,
    String itemLocationCountry,
    Sort sort,
    List<String> sellers) {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern LEADING_DASHES = Pattern.compile("^-+");
  private static final Pattern CATEGORY_ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern SELLER = Pattern.compile("[^\\s,]+");

  /** The condition groups an alert can watch, as eBay's Browse API groups its condition ids. */
  public enum Condition {
    /** New, open box and new with defects (eBay ids 1000, 1500, 1750). */
    NEW,
    /** Used, in every grade eBay has (ids 2750, 3000, 4000, 5000, 6000). */
    USED
  }

  /** How a listing is sold. */
  public enum Format {
    AUCTION,
    /** Fixed price, including listings that also accept offers. */
    BUY_IT_NOW,
    /** Fixed price with the seller accepting offers. */
    BEST_OFFER
  }

  /** The orders an alert can show results in. */
  public enum Sort {
    NEWLY_LISTED,
    ENDING_SOONEST,
    PRICE_PLUS_SHIPPING_LOWEST,
    PRICE_PLUS_SHIPPING_HIGHEST,
    /** eBay's relevance order, its default. */
    BEST_MATCH
  }

  /**
   * Checks and normalises the search.
   *
   * @throws IllegalArgumentException when it has neither keywords nor a category, a negative or
   *     inverted price range, a malformed category id, country or seller id
   */
  public SearchLink {
    Objects.requireNonNull(marketplace, "marketplace");
    phrase = phrase == null ? "" : WHITESPACE.matcher(phrase).replaceAll(" ").trim();
    excludedWords = excluded(excludedWords);
    categoryIds = checked(categoryIds, CATEGORY_ID, "category id");
    sellers = checked(sellers, SELLER, "seller id");
    if (phrase.isEmpty() && categoryIds.isEmpty()) {
      throw new IllegalArgumentException("a search needs keywords or a category");
    }
    if ((minPrice != null && minPrice.signum() < 0)
        || (maxPrice != null && maxPrice.signum() < 0)) {
      throw new IllegalArgumentException("prices must not be negative");
    }
    if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
      throw new IllegalArgumentException(
          "minPrice %s is above maxPrice %s".formatted(minPrice, maxPrice));
    }
    if (itemLocationCountry != null) {
      itemLocationCountry = itemLocationCountry.trim().toUpperCase(Locale.ROOT);
      if (!COUNTRY.matcher(itemLocationCountry).matches()) {
        throw new IllegalArgumentException(
            "itemLocationCountry must be an ISO 3166 alpha-2 code, was " + itemLocationCountry);
      }
    }
    sort = sort == null ? Sort.BEST_MATCH : sort;
  }

  private static List<String> excluded(List<String> words) {
    List<String> result = new ArrayList<>();
    for (String word : words == null ? List.<String>of() : words) {
      if (word == null) {
        continue;
      }
      // "-word" is how exclusions are written on eBay; the dash and quotes are the link's to add.
      String clean = WHITESPACE.matcher(word.replace("\"", " ")).replaceAll(" ").trim();
      clean = LEADING_DASHES.matcher(clean).replaceFirst("").trim().toLowerCase(Locale.ROOT);
      if (!clean.isEmpty() && !result.contains(clean)) {
        result.add(clean);
      }
    }
    return List.copyOf(result);
  }

  private static List<String> checked(List<String> values, Pattern format, String what) {
    List<String> result = new ArrayList<>();
    for (String value : values == null ? List.<String>of() : values) {
      String trimmed = value == null ? "" : value.trim();
      if (!format.matcher(trimmed).matches()) {
        throw new IllegalArgumentException("not a valid %s: '%s'".formatted(what, value));
      }
      if (!result.contains(trimmed)) {
        result.add(trimmed);
      }
    }
    return List.copyOf(result);
  }
}
