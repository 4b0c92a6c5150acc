package dev.ebayalerts.ebay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A search, checked against eBay's documented limits when it is built, so that a request eBay would
 * reject fails here, without spending a call.
 *
 * <p>Build one with {@link #builder(String)}: {@code SearchRequest.builder("nintendo
 * switch").price(new BigDecimal("100"), null, "USD").buyingOptions(BuyingOption.AUCTION,
 * BuyingOption.FIXED_PRICE).excludeWords(List.of("broken")).sort(SortOrder.NEWLY_LISTED).build()}.
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
    Instant listedAfter) {

  /** eBay's maximum page size. */
  public static final int MAX_LIMIT = 200;

  /** eBay answers offsets below this only. */
  public static final int MAX_OFFSET = 10_000;

  /** eBay's default page size, used when none is given. */
  public static final int DEFAULT_LIMIT = 50;

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

    public Builder conditions(Collection<ItemCondition> conditions) {
      this.conditions = Set.copyOf(conditions);
      return this;
    }

    public Builder conditions(ItemCondition... conditions) {
      return conditions(List.of(conditions));
    }

    public Builder buyingOptions(Collection<BuyingOption> buyingOptions) {
      this.buyingOptions = Set.copyOf(buyingOptions);
      return this;
    }

    public Builder buyingOptions(BuyingOption... buyingOptions) {
      return buyingOptions(List.of(buyingOptions));
    }

    public Builder excludeWords(Collection<String> words) {
      this.excludeWords = new ArrayList<>(words);
      return this;
    }

    public Builder sort(SortOrder sort) {
      this.sort = sort;
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder offset(int offset) {
      this.offset = offset;
      return this;
    }

    /** Only listings started at or after this time (eBay's {@code itemStartDate} filter). */
    public Builder listedAfter(Instant listedAfter) {
      this.listedAfter = listedAfter;
      return this;
    }

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
          listedAfter);
    }
  }
}
