package dev.ebayalerts.ebay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A search, checked against eBay's documented limits when it is built, so that a request eBay would
 * reject fails here, without spending a call.
 *
 * <p>Build one with {@link #builder(String)}: {@code SearchRequest.builder("nintendo
 * switch").price(new BigDecimal("100"), null, "USD").buyingOptions(BuyingOption.AUCTION,
 * BuyingOption.FIXED_PRICE).excludeWords(List.of("broken")).sort(SortOrder.NEWLY_LISTED).build()}.
 *
 * <p>eBay's documentation of the parameters and filters: <a
 * href="https://developer.ebay.com/api-docs/buy/browse/resources/item_summary/methods/search">item_summary/search</a>
 * and <a href="https://developer.ebay.com/api-docs/buy/static/ref-buy-browse-filters.html">Buy API
 * Field Filters</a>.
 *
 * @param phrase the keywords, e.g. {@code nintendo switch oled}
 * @param minPrice the lowest price, or null
 * @param maxPrice the highest price, or null
 * @param currency the currency of the price range, required with either bound (eBay ignores a price
 *     filter without {@code priceCurrency})
 * @param conditions the wanted conditions; empty for any
 * @param buyingOptions the wanted buying options; empty for auctions and fixed-price listings
 *     alike. Unlike eBay, whose default is fixed-price listings only, the client always sends this
 *     filter
 * @param excludeWords words no title may contain; single words are also sent to eBay as {@code
 *     -word} and every entry is checked again on the results
 * @param sort the order, {@link SortOrder#BEST_MATCH} by default
 * @param limit results per page, 1 to {@value #MAX_LIMIT}
 * @param offset results to skip: 0 or a multiple of {@code limit}, below {@value #MAX_OFFSET}
 * @param listedAfter only listings started at or after this time, or null for any
 * @param marketplace the eBay site to search, sent as {@code X-EBAY-C-MARKETPLACE-ID}; null for the
 *     client's configured {@code ebay.marketplace-id}
 * @param categoryIds the category to search in (eBay's {@code category_ids}): at most {@value
 *     #MAX_CATEGORY_IDS}, because eBay's Browse API currently takes only one category id per
 *     request although the parameter's name is plural; digits only. eBay searches the category's
 *     subcategories too. Category ids differ between marketplaces
 * @param excludedCategoryIds categories whose listings are left out (eBay's {@code
 *     excludeCategoryIds} filter), digits only, at most {@value #MAX_EXCLUDED_CATEGORY_IDS}
 * @param sellers only listings of these sellers (eBay's {@code sellers} filter), at most {@value
 *     #MAX_SELLERS}
 * @param excludedSellers no listings of these sellers (eBay's {@code excludeSellers} filter), at
 *     most {@value #MAX_SELLERS}
 * @param deliveryCountry the buyer's country, ISO 3166 alpha-2 (e.g. {@code DE}), or null: only
 *     listings that ship there (eBay's {@code deliveryCountry} filter), and shipping costs
 *     calculated for it (sent in {@code X-EBAY-C-ENDUSERCTX})
 * @param deliveryPostalCode the buyer's postal code, or null; needs {@code deliveryCountry}. Sent
 *     only in {@code X-EBAY-C-ENDUSERCTX} so that eBay calculates shipping to it; it does not
 *     narrow the search
 * @param itemLocationCountry only listings of items located in this country, ISO 3166 alpha-2, or
 *     null for any (eBay's {@code itemLocationCountry} filter)
 * @param returnsAccepted only listings whose seller accepts returns (eBay's {@code returnsAccepted}
 *     filter)
 * @param freeShippingOnly only listings with free shipping (eBay's {@code maxDeliveryCost:0})
 * @param minBids only auctions with at least this many bids, or null (eBay's {@code bidCount})
 * @param maxBids only auctions with at most this many bids, or null (eBay's {@code bidCount})
 * @param categoryRefinements whether to ask eBay, besides the listings, for the categories the
 *     matches fall into ({@code fieldgroups=MATCHING_ITEMS,CATEGORY_REFINEMENTS}); see {@link
 *     SearchResult#refinement()}
 */
public record SearchRequest(
    String phrase,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    String currency,
    Set<ItemCondition> conditions,
    Set<BuyingOption> buyingOptions,
    List<String> excludeWords,
    SortOrder sort,
    int limit,
    int offset,
    Instant listedAfter,
    Marketplace marketplace,
    List<String> categoryIds,
    List<String> excludedCategoryIds,
    List<String> sellers,
    List<String> excludedSellers,
    String deliveryCountry,
    String deliveryPostalCode,
    String itemLocationCountry,
    boolean returnsAccepted,
    boolean freeShippingOnly,
    Integer minBids,
    Integer maxBids,
    boolean categoryRefinements) {

  /** eBay's maximum page size. */
  public static final int MAX_LIMIT = 200;

  /** eBay answers offsets below this only. */
  public static final int MAX_OFFSET = 10_000;

  /** eBay's default page size, used when none is given. */
  public static final int DEFAULT_LIMIT = 50;

  /**
   * How many categories one search may name: eBay documents {@code category_ids} as taking only one
   * category id per request, for now.
   */
  public static final int MAX_CATEGORY_IDS = 1;

  /**
   * How many categories one search may exclude. eBay limits {@code excludeCategoryIds} (its error
   * 12030 names an allowed maximum) without publishing the number in the reference; this bound is
   * the client's own, and eBay's answer to a longer list is reported as {@link
   * EbayRequestRejected}.
   */
  public static final int MAX_EXCLUDED_CATEGORY_IDS = 25;

  /**
   * How many sellers the {@code sellers} and {@code excludeSellers} filters may each name: eBay
   * rejects more than 250 (its error 12032).
   */
  public static final int MAX_SELLERS = 250;

  /** The longest eBay user name. */
  public static final int MAX_SELLER_LENGTH = 64;

  private static final Pattern CATEGORY_ID = Pattern.compile("[0-9]{1,10}");

  // eBay user names are letters, digits and . _ * -; this also keeps the filter syntax
  // (, { } | [ ] :) out of the filter, which has no escaping for seller names.
  /**
   * An eBay user name as a regular expression: letters, digits and {@code . _ * -}, at most {@value
   * #MAX_SELLER_LENGTH} characters; nothing that could end a filter value ({@code , { } |}).
   */
  public static final String SELLER_NAME = "[A-Za-z0-9._*-]{1," + MAX_SELLER_LENGTH + "}";

  private static final Pattern SELLER = Pattern.compile(SELLER_NAME);
  // Letters, digits, spaces and dashes: every country's format, and nothing that could end the
  // country=..,zip=.. list of the end-user context header.
  private static final Pattern POSTAL_CODE =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9 -]{0,10}[A-Za-z0-9])?");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public SearchRequest {
    if (phrase == null || phrase.isBlank()) {
      throw new IllegalArgumentException("phrase must not be blank");
    }
    phrase = phrase.trim();
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0 || offset >= MAX_OFFSET || offset % limit != 0) {
      throw new IllegalArgumentException(
          "offset must be a multiple of limit (%d) below %d, was %d"
              .formatted(limit, MAX_OFFSET, offset));
    }
    if ((minPrice != null && minPrice.signum() < 0)
        || (maxPrice != null && maxPrice.signum() < 0)) {
      throw new IllegalArgumentException("prices must not be negative");
    }
    if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
      throw new IllegalArgumentException(
          "minPrice %s is above maxPrice %s".formatted(minPrice, maxPrice));
    }
    if (currency != null) {
      currency = currency.trim().toUpperCase(Locale.ROOT);
      if (!currency.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
      }
    }
    if ((minPrice != null || maxPrice != null) && currency == null) {
      throw new IllegalArgumentException("a price range needs a currency (eBay's priceCurrency)");
    }
    conditions = immutable(conditions);
    buyingOptions = immutable(buyingOptions);
    excludeWords = normalised(excludeWords);
    sort = sort == null ? SortOrder.BEST_MATCH : sort;
    categoryIds = categoryIds("categoryIds", categoryIds, MAX_CATEGORY_IDS);
    excludedCategoryIds =
        categoryIds("excludedCategoryIds", excludedCategoryIds, MAX_EXCLUDED_CATEGORY_IDS);
    for (String id : categoryIds) {
      if (excludedCategoryIds.contains(id)) {
        throw new IllegalArgumentException("category " + id + " is both searched and excluded");
      }
    }
    sellers = sellers("sellers", sellers);
    excludedSellers = sellers("excludedSellers", excludedSellers);
    for (String seller : sellers) {
      if (excludedSellers.stream().anyMatch(seller::equalsIgnoreCase)) {
        throw new IllegalArgumentException("seller " + seller + " is both wanted and excluded");
      }
    }
    deliveryCountry = country("deliveryCountry", deliveryCountry);
    itemLocationCountry = country("itemLocationCountry", itemLocationCountry);
    if (deliveryPostalCode != null) {
      deliveryPostalCode = deliveryPostalCode.trim();
      if (deliveryPostalCode.isEmpty()) {
        deliveryPostalCode = null;
      } else if (!POSTAL_CODE.matcher(deliveryPostalCode).matches()) {
        throw new IllegalArgumentException(
            "deliveryPostalCode must be 1 to 12 letters, digits, spaces or dashes, was "
                + deliveryPostalCode);
      } else if (deliveryCountry == null) {
        throw new IllegalArgumentException("deliveryPostalCode needs a deliveryCountry");
      }
    }
    if ((minBids != null && minBids < 0) || (maxBids != null && maxBids < 0)) {
      throw new IllegalArgumentException("bid counts must not be negative");
    }
    if (minBids != null && maxBids != null && minBids > maxBids) {
      throw new IllegalArgumentException(
          "minBids %d is above maxBids %d".formatted(minBids, maxBids));
    }
    if ((minBids != null || maxBids != null)
        && !buyingOptions.isEmpty()
        && !buyingOptions.contains(BuyingOption.AUCTION)) {
      throw new IllegalArgumentException(
          "bid counts apply to auctions only, but the buying options exclude AUCTION");
    }
  }

  /**
   * The request as it could be built before it had marketplaces, categories, sellers, delivery and
   * bid filters: none of those apply.
   */
  public SearchRequest(
      String phrase,
      BigDecimal minPrice,
      BigDecimal maxPrice,
      String currency,
      Set<ItemCondition> conditions,
      Set<BuyingOption> buyingOptions,
      List<String> excludeWords,
      SortOrder sort,
      int limit,
      int offset,
      Instant listedAfter) {
    this(
        phrase,
        minPrice,
        maxPrice,
        currency,
        conditions,
        buyingOptions,
        excludeWords,
        sort,
        limit,
        offset,
        listedAfter,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        false,
        false,
        null,
        null,
        false);
  }

  /** Starts a request for the phrase: first page of {@value #DEFAULT_LIMIT}, best match. */
  public static Builder builder(String phrase) {
    return new Builder(phrase);
  }

  /** A builder holding this request's values, to derive a changed request. */
  public Builder toBuilder() {
    Builder builder = new Builder(phrase);
    builder.minPrice = minPrice;
    builder.maxPrice = maxPrice;
    builder.currency = currency;
    builder.conditions = conditions;
    builder.buyingOptions = buyingOptions;
    builder.excludeWords = excludeWords;
    builder.sort = sort;
    builder.limit = limit;
    builder.offset = offset;
    builder.listedAfter = listedAfter;
    builder.marketplace = marketplace;
    builder.categoryIds = categoryIds;
    builder.excludedCategoryIds = excludedCategoryIds;
    builder.sellers = sellers;
    builder.excludedSellers = excludedSellers;
    builder.deliveryCountry = deliveryCountry;
    builder.deliveryPostalCode = deliveryPostalCode;
    builder.itemLocationCountry = itemLocationCountry;
    builder.returnsAccepted = returnsAccepted;
    builder.freeShippingOnly = freeShippingOnly;
    builder.minBids = minBids;
    builder.maxBids = maxBids;
    builder.categoryRefinements = categoryRefinements;
    return builder;
  }

  /**
   * The request for the following page.
   *
   * @throws IllegalArgumentException past eBay's last reachable offset
   */
  public SearchRequest nextPage() {
    return toBuilder().offset(offset + limit).build();
  }

  private static <E extends Enum<E>> Set<E> immutable(Set<E> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }

  private static List<String> normalised(List<String> words) {
    if (words == null) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    for (String word : words) {
      if (word != null && !word.isBlank()) {
        String trimmed = word.trim().toLowerCase(Locale.ROOT);
        // "-word" is how people write exclusions on eBay; the dash is ours to add.
        String clean = trimmed.startsWith("-") ? trimmed.substring(1).trim() : trimmed;
        if (!clean.isEmpty() && !result.contains(clean)) {
          result.add(clean);
        }
      }
    }
    return List.copyOf(result);
  }

  private static List<String> categoryIds(String name, List<String> ids, int max) {
    List<String> result = new ArrayList<>();
    for (String id : ids == null ? List.<String>of() : ids) {
      if (id == null || id.isBlank()) {
        continue;
      }
      String trimmed = id.trim();
      if (!CATEGORY_ID.matcher(trimmed).matches()) {
        throw new IllegalArgumentException(
            name + " must be eBay category ids (digits only), was " + trimmed);
      }
      // eBay's ids have no leading zeros; "0267" and "267" are one category.
      String canonical = trimmed.replaceFirst("^0+(?=.)", "");
      if (!result.contains(canonical)) {
        result.add(canonical);
      }
    }
    if (result.size() > max) {
      throw new IllegalArgumentException(
          "%s may name at most %d categor%s, was %d"
              .formatted(name, max, max == 1 ? "y" : "ies", result.size()));
    }
    return List.copyOf(result);
  }

  private static List<String> sellers(String name, List<String> names) {
    List<String> result = new ArrayList<>();
    for (String seller : names == null ? List.<String>of() : names) {
      if (seller == null || seller.isBlank()) {
        continue;
      }
      String trimmed = seller.trim();
      if (!SELLER.matcher(trimmed).matches()) {
        throw new IllegalArgumentException(
            "%s must be eBay user names (1 to %d letters, digits, '.', '_', '*' or '-'), was %s"
                .formatted(name, MAX_SELLER_LENGTH, trimmed));
      }
      // eBay user names ignore case.
      if (result.stream().noneMatch(trimmed::equalsIgnoreCase)) {
        result.add(trimmed);
      }
    }
    if (result.size() > MAX_SELLERS) {
      throw new IllegalArgumentException(
          "%s may name at most %d sellers, was %d".formatted(name, MAX_SELLERS, result.size()));
    }
    return List.copyOf(result);
  }

  private static String country(String name, String country) {
    if (country == null || country.isBlank()) {
      return null;
    }
    String code = country.trim().toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(code)) {
      throw new IllegalArgumentException(
          name + " must be an ISO 3166 alpha-2 country code, was " + country.trim());
    }
    return code;
  }

  /** Builds {@link SearchRequest}s; {@link #build()} checks eBay's limits. */
  public static final class Builder {

    private final String phrase;
    private BigDecimal minPrice;
    private BigDecimal maxPrice;
    private String currency;
    private Set<ItemCondition> conditions = Set.of();
    private Set<BuyingOption> buyingOptions = Set.of();
    private List<String> excludeWords = List.of();
    private SortOrder sort = SortOrder.BEST_MATCH;
    private int limit = DEFAULT_LIMIT;
    private int offset;
    private Instant listedAfter;
    private Marketplace marketplace;
    private List<String> categoryIds = List.of();
    private List<String> excludedCategoryIds = List.of();
    private List<String> sellers = List.of();
    private List<String> excludedSellers = List.of();
    private String deliveryCountry;
    private String deliveryPostalCode;
    private String itemLocationCountry;
    private boolean returnsAccepted;
    private boolean freeShippingOnly;
    private Integer minBids;
    private Integer maxBids;
    private boolean categoryRefinements;

    private Builder(String phrase) {
      this.phrase = phrase;
    }

    /** The price range; either bound may be null, the currency is required with a bound. */
    public Builder price(BigDecimal min, BigDecimal max, String currency) {
      this.minPrice = min;
      this.maxPrice = max;
      this.currency = currency;
      return this;
    }

    /** The wanted conditions; none for any. */
    public Builder conditions(Collection<ItemCondition> conditions) {
      this.conditions = Set.copyOf(conditions);
      return this;
    }

    /** The wanted conditions; none for any. */
    public Builder conditions(ItemCondition... conditions) {
      return conditions(List.of(conditions));
    }

    /**
     * The wanted buying options, any of which a listing must offer, e.g. {@link
     * BuyingOption#BEST_OFFER} for listings that take offers; none for auctions and fixed-price
     * listings alike.
     */
    public Builder buyingOptions(Collection<BuyingOption> buyingOptions) {
      this.buyingOptions = Set.copyOf(buyingOptions);
      return this;
    }

    /** The wanted buying options; see {@link #buyingOptions(Collection)}. */
    public Builder buyingOptions(BuyingOption... buyingOptions) {
      return buyingOptions(List.of(buyingOptions));
    }

    /** Words or phrases no title may contain. */
    public Builder excludeWords(Collection<String> words) {
      this.excludeWords = new ArrayList<>(words);
      return this;
    }

    /** The order of the results; null for best match. */
    public Builder sort(SortOrder sort) {
      this.sort = sort;
      return this;
    }

    /** Results per page, 1 to {@value SearchRequest#MAX_LIMIT}. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Results to skip: 0 or a multiple of the limit. */
    public Builder offset(int offset) {
      this.offset = offset;
      return this;
    }

    /** Only listings started at or after this time (eBay's {@code itemStartDate} filter). */
    public Builder listedAfter(Instant listedAfter) {
      this.listedAfter = listedAfter;
      return this;
    }

    /** The eBay site to search; null for the client's configured default. */
    public Builder marketplace(Marketplace marketplace) {
      this.marketplace = marketplace;
      return this;
    }

    /**
     * The category to search in (eBay's {@code category_ids}); eBay takes only {@value
     * #MAX_CATEGORY_IDS} per request.
     */
    public Builder categoryIds(Collection<String> categoryIds) {
      this.categoryIds = new ArrayList<>(categoryIds);
      return this;
    }

    /** The category to search in; see {@link #categoryIds(Collection)}. */
    public Builder categoryIds(String... categoryIds) {
      return categoryIds(Arrays.asList(categoryIds));
    }

    /** Categories whose listings are left out (eBay's {@code excludeCategoryIds}). */
    public Builder excludedCategoryIds(Collection<String> categoryIds) {
      this.excludedCategoryIds = new ArrayList<>(categoryIds);
      return this;
    }

    /** Categories whose listings are left out (eBay's {@code excludeCategoryIds}). */
    public Builder excludedCategoryIds(String... categoryIds) {
      return excludedCategoryIds(Arrays.asList(categoryIds));
    }

    /** Only listings of these sellers (eBay user names). */
    public Builder sellers(Collection<String> sellers) {
      this.sellers = new ArrayList<>(sellers);
      return this;
    }

    /** Only listings of these sellers (eBay user names). */
    public Builder sellers(String... sellers) {
      return sellers(Arrays.asList(sellers));
    }

    /** No listings of these sellers (eBay user names). */
    public Builder excludedSellers(Collection<String> sellers) {
      this.excludedSellers = new ArrayList<>(sellers);
      return this;
    }

    /** No listings of these sellers (eBay user names). */
    public Builder excludedSellers(String... sellers) {
      return excludedSellers(Arrays.asList(sellers));
    }

    /** The buyer's country (ISO 3166 alpha-2): only listings that ship there, with its costs. */
    public Builder deliveryCountry(String country) {
      this.deliveryCountry = country;
      return this;
    }

    /** The buyer's postal code, for shipping costs calculated to it; needs a delivery country. */
    public Builder deliveryPostalCode(String postalCode) {
      this.deliveryPostalCode = postalCode;
      return this;
    }

    /** Where the buyer is: {@link #deliveryCountry(String)} and {@link #deliveryPostalCode}. */
    public Builder deliverTo(String country, String postalCode) {
      return deliveryCountry(country).deliveryPostalCode(postalCode);
    }

    /** Only items located in this country (ISO 3166 alpha-2). */
    public Builder itemLocationCountry(String country) {
      this.itemLocationCountry = country;
      return this;
    }

    /** Only listings whose seller accepts returns. */
    public Builder returnsAccepted(boolean returnsAccepted) {
      this.returnsAccepted = returnsAccepted;
      return this;
    }

    /** Only listings with free shipping. */
    public Builder freeShippingOnly(boolean freeShippingOnly) {
      this.freeShippingOnly = freeShippingOnly;
      return this;
    }

    /** Only auctions with at least this many bids; null for no lower bound. */
    public Builder minBids(Integer minBids) {
      this.minBids = minBids;
      return this;
    }

    /** Only auctions with at most this many bids; null for no upper bound. */
    public Builder maxBids(Integer maxBids) {
      this.maxBids = maxBids;
      return this;
    }

    /** Only auctions with a number of bids in the range; either bound may be null. */
    public Builder bids(Integer min, Integer max) {
      return minBids(min).maxBids(max);
    }

    /** Whether to ask eBay for the categories the matches fall into, besides the listings. */
    public Builder categoryRefinements(boolean categoryRefinements) {
      this.categoryRefinements = categoryRefinements;
      return this;
    }

    /**
     * The request.
     *
     * @throws IllegalArgumentException when a value breaks one of eBay's limits, with a message
     *     naming the value
     */
    public SearchRequest build() {
      return new SearchRequest(
          phrase,
          minPrice,
          maxPrice,
          currency,
          conditions,
          buyingOptions,
          excludeWords,
          sort,
          limit,
          offset,
          listedAfter,
          marketplace,
          categoryIds,
          excludedCategoryIds,
          sellers,
          excludedSellers,
          deliveryCountry,
          deliveryPostalCode,
          itemLocationCountry,
          returnsAccepted,
          freeShippingOnly,
          minBids,
          maxBids,
          categoryRefinements);
    }
  }
}
