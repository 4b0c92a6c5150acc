package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.alert.PriceBasis;
import dev.ebayalerts.ebay.Marketplace;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert claimed by a fetch cycle, with what its search and its email need.
 *
 * @param lastRunAt when the alert last ran (over the result it used then), or null before its first
 *     run
 */
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
    Instant lastRunAt,
    boolean emailedBefore,
    NoticeRules rules,
    Refinements refinements) {

  /**
   * The oldest a stored result may be to serve this run: fetched after the alert's previous run, so
   * every run sees eBay as it is since the last one and never runs again over a result it already
   * ran on, and never before its previous due time, so no run sees eBay as it was more than a
   * period before it was due.
   */
  Instant resultsNotBefore() {
    Instant previousDue = nextRunAt.minusSeconds(frequencyMinutes * 60L);
    return lastRunAt == null || lastRunAt.isBefore(previousDue) ? previousDue : lastRunAt;
  }

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
