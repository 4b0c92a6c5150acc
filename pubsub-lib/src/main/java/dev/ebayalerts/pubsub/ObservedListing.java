package dev.ebayalerts.pubsub;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One eBay listing as seen by one search run.
 *
 * @param itemId eBay's item id
 * @param title listing title
 * @param price price at observation time; {@code null} if eBay returned none
 * @param currency ISO 4217 code of {@code price}
 * @param itemWebUrl link to the listing on eBay
 * @param imageUrl link to the listing's main image; may be {@code null}
 * @param condition eBay's condition label, e.g. {@code "NEW"} or {@code "USED"}
 * @param buyingOption e.g. {@code "FIXED_PRICE"} or {@code "AUCTION"}
 * @param observedAt when the listing was seen
 * @param shippingCost the cheapest shipping to the buyer, in {@code currency}; {@code null} when
 *     unknown (none offered, or calculated and eBay named no cost), never meaning free: free
 *     shipping is zero. Absent in events of older producers.
 * @param shippingType how eBay prices that shipping, e.g. {@code "FIXED"} or {@code "CALCULATED"};
 *     {@code null} when unknown
 */
public record ObservedListing(
    String itemId,
    String title,
    BigDecimal price,
    String currency,
    String itemWebUrl,
    String imageUrl,
    String condition,
    String buyingOption,
    Instant observedAt,
    BigDecimal shippingCost,
    String shippingType) {

  public ObservedListing {
    Objects.requireNonNull(itemId, "itemId");
  }

  /** A listing whose shipping is unknown, as listings were before shipping was read. */
  public ObservedListing(
      String itemId,
      String title,
      BigDecimal price,
      String currency,
      String itemWebUrl,
      String imageUrl,
      String condition,
      String buyingOption,
      Instant observedAt) {
    this(
        itemId,
        title,
        price,
        currency,
        itemWebUrl,
        imageUrl,
        condition,
        buyingOption,
        observedAt,
        null,
        null);
  }
}
