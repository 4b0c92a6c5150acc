package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.channel.ChannelRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
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
            description = "ISO 4217 currency of minPrice and maxPrice, USD when omitted")
        @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter ISO 4217 code such as USD")
        String currency,
    @Schema(example = "ANY", description = "Listing condition, ANY when omitted")
        ItemCondition condition,
    @Schema(example = "ANY", description = "Auction, Buy It Now or both (ANY, the default)")
        BuyingOption buyingOption,
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

  /** Validation group of PUT, which must say which version it replaces. */
  interface Replace {}

  AlertRequest {
    email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    searchPhrase = searchPhrase == null ? null : searchPhrase.strip();
    minPrice = inCents(minPrice);
    maxPrice = inCents(maxPrice);
    currency = currency == null ? "USD" : currency.strip().toUpperCase(Locale.ROOT);
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
