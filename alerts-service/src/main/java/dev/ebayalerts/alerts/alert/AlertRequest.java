package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.channel.ChannelRequest;
import dev.ebayalerts.ebay.Marketplace;
import dev.ebayalerts.ebay.SearchRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a person sends to create or replace an alert. Text is trimmed before it is validated, so
 * {@code " iphone "} is stored as {@code "iphone"} and a phrase of spaces is rejected as blank.
 */
@ValidPriceRange
@ValidSearchFilters
@Schema(description = "An alert as sent by the client: the saved search and how often to run it")
record AlertRequest(
    @Schema(example = "jane@example.com", description = "Where alert emails go")
        @NotBlank(message = "must not be blank: give the address alert emails go to")
        @Email(
            regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
            message = "must be an email address such as jane@example.com")
        @Size(max = 254, message = "must be at most 254 characters")
        String email,
    @Schema(
            example = "nintendo switch oled",
            description = "What to search eBay for, 1 to 100 characters")
        @NotBlank(message = "must not be blank: give the words to search eBay for")
        @Size(max = 100, message = "must be at most 100 characters: eBay ignores longer searches")
        String searchPhrase,
    @Schema(
            example = "10",
            description = "How often to check, in minutes: one of GET /api/alerts/frequencies")
        @NotNull(message = "must be given: one of GET /api/alerts/frequencies")
        @AllowedFrequency
        Integer frequencyMinutes,
    @Schema(example = "100.00", description = "Lowest price of interest, optional")
        @DecimalMin(value = "0", message = "must be zero or more")
        @Digits(integer = 9, fraction = 2, message = "must be an amount with at most 2 decimals")
        BigDecimal minPrice,
    @Schema(example = "300.00", description = "Highest price of interest, optional")
        @DecimalMin(value = "0", message = "must be zero or more")
        @Digits(integer = 9, fraction = 2, message = "must be an amount with at most 2 decimals")
        BigDecimal maxPrice,
    @Schema(
            example = "USD",
            description =
                "ISO 4217 currency of the alert's prices: the marketplace's (USD for EBAY_US, EUR"
                    + " for EBAY_DE...), which is the default; another is refused")
        @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter ISO 4217 code such as USD")
        String currency,
    @Schema(example = "ANY", description = "Listing condition, ANY when omitted")
        ItemCondition condition,
    @Schema(example = "ANY", description = "Auction, Buy It Now or both (ANY, the default)")
        BuyingOption buyingOption,
    @Schema(
            example = "EBAY_US",
            description =
                "The eBay site searched, EBAY_US when omitted; the alert's currency is the site's")
        Marketplace marketplace,
    @Schema(
            example = "TOTAL",
            description =
                "What the maximum and target prices and drops are compared with: ITEM (the item"
                    + " price, as eBay's price filter means it, the default) or TOTAL (item price"
                    + " plus the cheapest shipping to shipToCountry)")
        PriceBasis priceBasis,
    @Schema(
            example = "US",
            description =
                "ISO 3166 country the buyer ships to: eBay estimates shipping for it and leaves out"
                    + " listings that do not ship there; optional")
        @Pattern(
            regexp = "[A-Z]{2}",
            message = "must be a 2-letter ISO 3166 country code such as US")
        String shipToCountry,
    @Schema(
            example = "10001",
            description = "Postal code the buyer ships to, for eBay's shipping estimate; optional")
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9 -]{1,10}",
            message = "must be a postal code of 2 to 11 letters, digits, spaces or dashes")
        String shipToPostalCode,
    @Schema(example = "false", description = "Only listings with free shipping; false by default")
        Boolean freeShippingOnly,
    @Schema(example = "false", description = "Only listings that accept returns; false by default")
        Boolean returnsAccepted,
    @Schema(example = "US", description = "Only items located in this ISO 3166 country; optional")
        @Pattern(
            regexp = "[A-Z]{2}",
            message = "must be a 2-letter ISO 3166 country code such as US")
        String itemLocationCountry,
    @Schema(
            example = "[\"139971\"]",
            description =
                "eBay category ids to search in (GET /api/category-suggestions lists a search's"
                    + " categories); any category when empty")
        @Size(max = 10, message = "must hold at most 10 categories")
        List<
                @NotNull(message = "must not hold null ids")
                @Pattern(
                    regexp = "[1-9][0-9]{0,11}",
                    message = "must hold eBay category ids: digits such as 139971")
                String>
            categoryIds,
    @Schema(example = "[\"20349\"]", description = "eBay category ids whose listings are left out")
        @Size(max = 20, message = "must hold at most 20 categories")
        List<
                @NotNull(message = "must not hold null ids")
                @Pattern(
                    regexp = "[1-9][0-9]{0,11}",
                    message = "must hold eBay category ids: digits such as 20349")
                String>
            excludedCategoryIds,
    @Schema(example = "[\"gadget_hub\"]", description = "Only listings of these eBay sellers")
        @Size(max = 20, message = "must hold at most 20 sellers")
        List<
                @NotNull(message = "must not hold null names")
                @Pattern(regexp = SELLER, message = SELLER_MESSAGE) String>
            sellers,
    @Schema(
            example = "[\"bargain_bin\"]",
            description = "Listings of these eBay sellers are left out")
        @Size(max = 50, message = "must hold at most 50 sellers")
        List<
                @NotNull(message = "must not hold null names")
                @Pattern(regexp = SELLER, message = SELLER_MESSAGE) String>
            excludedSellers,
    @Schema(example = "100", description = "Only sellers with at least this feedback score")
        @Min(value = 0, message = "must be zero or more")
        @Max(value = 100_000_000, message = "must be at most 100000000")
        Integer minSellerFeedbackScore,
    @Schema(
            example = "98.5",
            description = "Only sellers with at least this share of positive feedback")
        @DecimalMin(value = "0", message = "must be between 0 and 100 (percent)")
        @DecimalMax(value = "100", message = "must be between 0 and 100 (percent)")
        @Digits(integer = 3, fraction = 2, message = "must be a percentage with at most 2 decimals")
        BigDecimal minSellerFeedbackPercent,
    @Schema(example = "1", description = "Auctions only: at least this many bids")
        @Min(value = 0, message = "must be zero or more")
        @Max(value = 100_000, message = "must be at most 100000")
        Integer minBids,
    @Schema(example = "5", description = "Auctions only: at most this many bids")
        @Min(value = 0, message = "must be zero or more")
        @Max(value = 100_000, message = "must be at most 100000")
        Integer maxBids,
    @Schema(
            example = "[\"broken\", \"parts\"]",
            description = "Listings whose title contains one of these words are left out")
        @Size(max = 20, message = "must hold at most 20 words")
        List<
                @NotBlank(message = "must not hold blank words")
                @Size(max = 50, message = "must hold words of at most 50 characters")
                @Pattern(regexp = "\\S*", message = "must hold single words without spaces") String>
            excludeWords,
    @Schema(
            example = "5",
            description =
                "A listing already emailed is emailed again only when its price fell by at least"
                    + " this many percent; 5 when omitted")
        @DecimalMin(value = "0", message = "must be between 0 and 100 (percent)")
        @DecimalMax(value = "100", message = "must be between 0 and 100 (percent)")
        @Digits(integer = 3, fraction = 2, message = "must be a percentage with at most 2 decimals")
        BigDecimal minDropPercent,
    @Schema(example = "true", description = "Paused alerts are kept but not run; true by default")
        Boolean active,
    @Schema(description = "What to notify about and when to stay quiet; defaults when omitted")
        @Valid
        NoticeRules rules,
    @Schema(
            description =
                "Where notices go, several at once; [{\"type\":\"EMAIL\"}] when omitted. A WEBHOOK"
                    + " channel's signing secret is in the response that created it, only there")
        @Size(min = 1, max = 10, message = "must hold 1 to 10 channels")
        List<@NotNull(message = "must not hold null channels") @Valid ChannelRequest> channels,
    @Schema(
            example = "0",
            description =
                "The version last read; required by PUT, optional in PATCH. A stale version gets"
                    + " 409 Conflict")
        @NotNull(groups = Replace.class, message = "must be given: send the version you last read")
        Long version) {

  static final BigDecimal DEFAULT_MIN_DROP = new BigDecimal("5");

  /** eBay user names: letters, digits and {@code . _ - *}, no spaces, 1 to 64 characters. */
  static final String SELLER = SearchRequest.SELLER_NAME;

  static final String SELLER_MESSAGE =
      "must hold eBay user names of 1 to 64 letters, digits, dots, dashes, underscores or stars";

  /** Validation group of PUT, which must say which version it replaces. */
  interface Replace {}

  AlertRequest {
    email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    searchPhrase = searchPhrase == null ? null : searchPhrase.strip();
    minPrice = inCents(minPrice);
    maxPrice = inCents(maxPrice);
    marketplace = marketplace == null ? Marketplace.EBAY_US : marketplace;
    // The marketplace's currency unless another is given, which validation then refuses.
    currency =
        currency == null || currency.isBlank()
            ? marketplace.currency()
            : currency.strip().toUpperCase(Locale.ROOT);
    priceBasis = priceBasis == null ? PriceBasis.ITEM : priceBasis;
    shipToCountry = upperOrNull(shipToCountry);
    shipToPostalCode =
        shipToPostalCode == null || shipToPostalCode.isBlank() ? null : shipToPostalCode.strip();
    freeShippingOnly = freeShippingOnly != null && freeShippingOnly;
    returnsAccepted = returnsAccepted != null && returnsAccepted;
    itemLocationCountry = upperOrNull(itemLocationCountry);
    categoryIds = distinct(categoryIds, false);
    excludedCategoryIds = distinct(excludedCategoryIds, false);
    sellers = distinct(sellers, true);
    excludedSellers = distinct(excludedSellers, true);
    minSellerFeedbackPercent = inCents(minSellerFeedbackPercent);
    condition = condition == null ? ItemCondition.ANY : condition;
    buyingOption = buyingOption == null ? BuyingOption.ANY : buyingOption;
    excludeWords =
        excludeWords == null
            ? List.of()
            : excludeWords.stream()
                .map(word -> word == null ? "" : word.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    minDropPercent = inCents(minDropPercent == null ? DEFAULT_MIN_DROP : minDropPercent);
    active = active == null || active;
    rules = rules == null ? NoticeRules.defaults() : rules;
    channels = channels == null ? List.of(ChannelRequest.email()) : channels;
  }

  private static String upperOrNull(String code) {
    return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
  }

  /** Trimmed, without repeats, in the order given; user names are compared ignoring case. */
  private static List<String> distinct(List<String> values, boolean lowerCase) {
    if (values == null) {
      return List.of();
    }
    // Nulls are kept for validation to name.
    return values.stream()
        .map(v -> v == null ? null : lowerCase ? v.strip().toLowerCase(Locale.ROOT) : v.strip())
        .distinct()
        .toList();
  }

  /** The same request, paused or resumed. */
  AlertRequest withActive(boolean active) {
    return new AlertRequest(
        email,
        searchPhrase,
        frequencyMinutes,
        minPrice,
        maxPrice,
        currency,
        condition,
        buyingOption,
        marketplace,
        priceBasis,
        shipToCountry,
        shipToPostalCode,
        freeShippingOnly,
        returnsAccepted,
        itemLocationCountry,
        categoryIds,
        excludedCategoryIds,
        sellers,
        excludedSellers,
        minSellerFeedbackScore,
        minSellerFeedbackPercent,
        minBids,
        maxBids,
        excludeWords,
        minDropPercent,
        active,
        rules,
        channels,
        null);
  }

  /**
   * Stored with 2 decimals (prices, percentages); more decimals are left for validation to reject.
   */
  private static BigDecimal inCents(BigDecimal price) {
    return price == null || price.scale() > 2 ? price : price.setScale(2);
  }

  static AlertRequest from(Alert alert, List<ChannelRequest> channels) {
    return new AlertRequest(
        alert.getEmail(),
        alert.getSearchPhrase(),
        alert.getFrequencyMinutes(),
        alert.getMinPrice(),
        alert.getMaxPrice(),
        alert.getCurrency(),
        alert.getCondition(),
        alert.getBuyingOption(),
        alert.getMarketplace(),
        alert.getPriceBasis(),
        alert.getShipToCountry(),
        alert.getShipToPostalCode(),
        alert.isFreeShippingOnly(),
        alert.isReturnsAccepted(),
        alert.getItemLocationCountry(),
        alert.getCategoryIds(),
        alert.getExcludedCategoryIds(),
        alert.getSellers(),
        alert.getExcludedSellers(),
        alert.getMinSellerFeedbackScore(),
        alert.getMinSellerFeedbackPercent(),
        alert.getMinBids(),
        alert.getMaxBids(),
        alert.getExcludeWords(),
        alert.getMinDropPercent(),
        alert.isActive(),
        alert.getRules(),
        channels,
        alert.getVersion());
  }

  boolean isStale(Alert alert) {
    return version != null && !Objects.equals(version, alert.getVersion());
  }
}
