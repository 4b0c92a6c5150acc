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
    Instant observedAt) {

  public ObservedListing {
    Objects.requireNonNull(itemId, "itemId");
  }
}
