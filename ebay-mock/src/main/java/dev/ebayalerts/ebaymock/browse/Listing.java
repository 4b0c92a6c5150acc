package dev.ebayalerts.ebaymock.browse;

import java.time.Instant;
import java.util.Set;

/**
 * What does not change over a listing's life. Its price at a given time is a {@link ListingState}.
 *
 * @param seed the listing's own randomness
 * @param basePrice the price the market gave it when listed: the fixed price before any change, or
 *     where an auction will end
 */
record Listing(
    long seed,
    long legacyItemId,
    String title,
    ListingCondition condition,
    Set<BuyingOption> buyingOptions,
    Instant start,
    Instant end,
    double basePrice,
    double startBidFactor,
    int finalBidCount,
    double markdown,
    boolean hasImage,
    String sellerUsername,
    int sellerFeedbackScore,
    String sellerFeedbackPercentage) {

  boolean isAuction() {
    return buyingOptions.contains(BuyingOption.AUCTION);
  }

  String itemId() {
    return "v1|" + legacyItemId + "|0";
  }
}
