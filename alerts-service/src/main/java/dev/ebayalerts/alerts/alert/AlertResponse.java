package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.channel.ChannelView;
import dev.ebayalerts.ebay.Marketplace;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A saved alert")
record AlertResponse(
    @Schema(example = "0b6f9c57-1f3e-4a4e-9f7c-3b8e2f1c9d2a") UUID id,
    @Schema(example = "jane@example.com") String email,
    @Schema(example = "nintendo switch oled") String searchPhrase,
    @Schema(example = "10") int frequencyMinutes,
    @Schema(example = "100.00") BigDecimal minPrice,
    @Schema(example = "300.00") BigDecimal maxPrice,
    @Schema(example = "USD") String currency,
    @Schema(example = "ANY") ItemCondition condition,
    @Schema(example = "ANY") BuyingOption buyingOption,
    @Schema(example = "EBAY_US") Marketplace marketplace,
    @Schema(example = "ITEM") PriceBasis priceBasis,
    @Schema(example = "US") String shipToCountry,
    @Schema(example = "10001") String shipToPostalCode,
    @Schema(example = "false") boolean freeShippingOnly,
    @Schema(example = "false") boolean returnsAccepted,
    @Schema(example = "US") String itemLocationCountry,
    @Schema(example = "[\"139971\"]") List<String> categoryIds,
    @Schema(example = "[\"20349\"]") List<String> excludedCategoryIds,
    @Schema(example = "[]") List<String> sellers,
    @Schema(example = "[]") List<String> excludedSellers,
    @Schema(example = "100") Integer minSellerFeedbackScore,
    @Schema(example = "98.50") BigDecimal minSellerFeedbackPercent,
    @Schema(example = "1") Integer minBids,
    @Schema(example = "5") Integer maxBids,
    @Schema(example = "[\"broken\", \"parts\"]") List<String> excludeWords,
    @Schema(example = "5.00") BigDecimal minDropPercent,
    @Schema(example = "true") boolean active,
    NoticeRules rules,
    List<ChannelView> channels,
    @Schema(example = "0", description = "Send it back with PUT or PATCH") long version,
    Instant createdAt,
    Instant updatedAt,
    AlertStatus status,
    @Schema(
            description =
                "Atom feed of the listings and price drops this alert reports. Anyone with the URL"
                    + " can read it: share it only with feed readers you trust, and replace it"
                    + " with POST /api/alerts/{id}/feed-token if it leaks.",
            example = "http://localhost:8080/feeds/3q2-7wEjLmN0pQrStUvWxYz_AbCdEfGh.atom")
        String feedUrl,
    @Schema(
            description = "The same search on eBay's website",
            example = "https://www.ebay.com/sch/i.html?_nkw=nintendo+switch+oled&_sop=10")
        String ebaySearchUrl) {

  /**
   * The alert in a few lines of plain text, for the email that asks its owner to start it: the
   * search, how often, its filters and where its notices go.
   */
  String summary() {
    StringBuilder text = new StringBuilder();
    text.append("Search: \"").append(searchPhrase).append("\"\n");
    text.append("Checked every ").append(frequencyMinutes).append(" minutes\n");
    if (minPrice != null || maxPrice != null) {
      text.append("Price: ")
          .append(minPrice == null ? "any" : minPrice.toPlainString())
          .append(" to ")
          .append(maxPrice == null ? "any" : maxPrice.toPlainString())
          .append(' ')
          .append(currency)
          .append('\n');
    }
    if (condition != ItemCondition.ANY) {
      text.append("Condition: ").append(condition).append('\n');
    }
    if (buyingOption != BuyingOption.ANY) {
      text.append("Buying option: ").append(buyingOption).append('\n');
    }
    if (marketplace != Marketplace.EBAY_US) {
      text.append("On: ").append(marketplace).append('\n');
    }
    if (!categoryIds.isEmpty()) {
      text.append("Categories: ").append(String.join(", ", categoryIds)).append('\n');
    }
    if (freeShippingOnly) {
      text.append("Free shipping only\n");
    }
    if (!excludeWords.isEmpty()) {
      text.append("Without: ").append(String.join(", ", excludeWords)).append('\n');
    }
    text.append("Notices go to:");
    for (ChannelView channel : channels) {
      text.append("\n  ")
          .append(channel.type())
          .append(
              channel.url() != null
                  ? " " + channel.url()
                  : channel.chatId() != null ? " chat " + channel.chatId() : " (" + email + ")");
    }
    return text.toString();
  }

  /** Whether the alert is running: paused by its owner, or waiting for its address's consent. */
  enum State {
    ACTIVE,
    PAUSED,
    UNCONFIRMED,
    PENDING
  }

  @Schema(description = "How the alert's runs went")
  record AlertStatus(
      @Schema(
              description =
                  "ACTIVE: runs on schedule; PAUSED: by its owner or an unsubscribe;"
                      + " UNCONFIRMED: no emails until the address's confirmation link is opened;"
                      + " PENDING: created without a session, waits until its owner starts it"
                      + " from the emailed link (or changes it while signed in)")
          State state,
      @Schema(description = "When the alert's search last ran") Instant lastRunAt,
      @Schema(description = "When the last alert email went out") Instant lastEmailAt,
      @Schema(description = "When the search runs next; none while paused") Instant nextRunAt,
      @Schema(description = "Why the last run failed or was deferred, if it did") String lastError,
      @Schema(description = "What eBay warned about in the last run, e.g. an ignored filter")
          String lastWarning,
      @Schema(
              description =
                  "Why a channel's messages are not going out (its type and reason), if they are"
                      + " not",
              example =
                  "WEBHOOK: Not delivered: HTTP 5xx (10 failed attempts in a row). 3 messages wait"
                      + " and are retried every hour until it works.")
          String channelError) {}

  static AlertResponse from(
      Alert alert, boolean addressConfirmed, List<ChannelView> channels, FeedLinks feeds) {
    return new AlertResponse(
        alert.getId(),
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
        alert.getVersion(),
        alert.getCreatedAt(),
        alert.getUpdatedAt(),
        new AlertStatus(
            alert.isPending()
                ? State.PENDING
                : !alert.isActive()
                    ? State.PAUSED
                    : addressConfirmed ? State.ACTIVE : State.UNCONFIRMED,
            alert.getLastRunAt(),
            alert.getLastEmailAt(),
            alert.isActive() ? alert.getNextRunAt() : null,
            alert.getLastError(),
            alert.getLastWarning(),
            channels.stream()
                .filter(c -> c.deliveryError() != null)
                .map(c -> c.type() + ": " + c.deliveryError())
                .findFirst()
                .orElse(null)),
        feeds.urlFor(alert.getFeedToken()),
        EbayLinks.searchUrl(alert));
  }
}
