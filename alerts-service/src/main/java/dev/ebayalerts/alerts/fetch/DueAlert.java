package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.alert.PriceBasis;
import dev.ebayalerts.ebay.Marketplace;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert claimed by a fetch cycle, with what its search and its email need. */
record DueAlert(
    UUID id,
    String email,
    String searchPhrase,
    int frequencyMinutes,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    String currency,
    String condition,
    String buyingOption,
    List<String> excludeWords,
    BigDecimal minDropPercent,
    String searchKey,
    Instant nextRunAt,
    boolean emailedBefore,
    NoticeRules rules,
    Refinements refinements) {

  /**
   * What the alert asks beyond phrase, price, condition, format and words: the marketplace, where
   * it ships to, and eBay's further filters (see {@link ListingFilter} for those applied here).
   */
  record Refinements(
      Marketplace marketplace,
      PriceBasis priceBasis,
      String shipToCountry,
      String shipToPostalCode,
      boolean freeShippingOnly,
      boolean returnsAccepted,
      String itemLocationCountry,
      List<String> categoryIds,
      List<String> excludedCategoryIds,
      List<String> sellers,
      List<String> excludedSellers,
      Integer minSellerFeedbackScore,
      BigDecimal minSellerFeedbackPercent,
      Integer minBids,
      Integer maxBids) {}
}
