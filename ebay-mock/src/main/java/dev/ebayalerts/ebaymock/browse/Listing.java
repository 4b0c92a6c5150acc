package dev.ebayalerts.ebaymock.browse;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What does not change over a listing's life. Its prices at a given time are a {@link
 * ListingState}; all amounts are in the seller's currency.
 *
 * @param seed the listing's own randomness
 * @param title the title, or for an item group the stem its variations add their words to
 * @param accessory whether this is an accessory for the product searched rather than the product
 * @param buyingOptions the options as listed; an auction's Buy It Now goes with its first bid
 * @param basePrice the price the market gave it when listed: the fixed price before any change, or
 *     where an auction will end
 * @param variants one {@link Variant#SINGLE} for a plain listing, two or more for an item group
 */
record Listing(
    long seed,
    long legacyItemId,
    String title,
    Category category,
    boolean accessory,
    ListingCondition condition,
    Set<BuyingOption> buyingOptions,
    Instant start,
    Instant end,
    double basePrice,
    double startBidFactor,
    int finalBidCount,
    double markdown,
    boolean hasImage,
    Seller seller,
    Shipping shipping,
    boolean returnsAccepted,
    List<Variant> variants) {

  /**
   * One variation of an item group (size, colour, storage...), or the whole of a plain listing.
   *
   * @param variationId eBay's id of the variation, the last part of the item id; 0 for a plain
   *     listing
   * @param words what the variation adds to the title, e.g. {@code 256GB Blue}
   */
  record Variant(long variationId, String words, double priceFactor) {
    static final Variant SINGLE = new Variant(0, "", 1);
  }

  boolean isAuction() {
    return buyingOptions.contains(BuyingOption.AUCTION);
  }

  /** Whether the listing is an item group of variations. */
  boolean isGroup() {
    return variants.size() > 1;
  }

  String itemId(Variant variant) {
    return "v1|" + legacyItemId + "|" + variant.variationId();
  }

  String title(Variant variant) {
    return variant.words().isEmpty() ? title : title + " " + variant.words();
  }
}
