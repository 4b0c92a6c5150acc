package dev.ebayalerts.alerts.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One listing as the notifier sees it, and as every delivery's payload carries it.
 *
 * @param itemId eBay's item id
 * @param title the listing's title
 * @param price the current price (an auction's current bid)
 * @param currency ISO 4217 code of the prices
 * @param previousPrice the price told before; set only when the listing is news for a price drop
 * @param imageUrl the listing's image, or null
 * @param itemWebUrl the listing's page on eBay
 * @param condition eBay's condition text, or null
 * @param buyingOption {@code AUCTION} or {@code FIXED_PRICE}
 * @param itemEndDate when an auction ends, or null
 * @param reasons why it is told: {@link Reason} names, empty before the rules ran
 */
public record NoticeListing(
    String itemId,
    String title,
    BigDecimal price,
    String currency,
    BigDecimal previousPrice,
    String imageUrl,
    String itemWebUrl,
    String condition,
    String buyingOption,
    Instant itemEndDate,
    List<Reason> reasons) {

  public NoticeListing {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /** Why a listing is told. */
  public enum Reason {
    NEW_LISTING,
    PRICE_DROP,
    TARGET_PRICE,
    ENDING_SOON
  }

  public NoticeListing withReasons(List<Reason> more) {
    return new NoticeListing(
        itemId,
        title,
        price,
        currency,
        previousPrice,
        imageUrl,
        itemWebUrl,
        condition,
        buyingOption,
        itemEndDate,
        more);
  }

  /** Whether it is an auction (named so that it is not a JSON property of the stored payload). */
  public boolean auction() {
    return "AUCTION".equals(buyingOption);
  }
}
