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
 * @param details shipping, variant range and the seller's own price; {@link PriceDetails#NONE} for
 *     payloads stored before they were known
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
    List<Reason> reasons,
    PriceDetails details) {

  public NoticeListing {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    details = details == null ? PriceDetails.NONE : details;
  }

  /** A listing of which only the price is known. */
  public NoticeListing(
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
    this(
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
        reasons,
        PriceDetails.NONE);
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
        more,
        details);
  }

  /** The same listing, told as a drop from {@code previous}. */
  public NoticeListing withPreviousPrice(BigDecimal previous) {
    return new NoticeListing(
        itemId,
        title,
        price,
        currency,
        previous,
        imageUrl,
        itemWebUrl,
        condition,
        buyingOption,
        itemEndDate,
        reasons,
        details);
  }

  /** Whether it is an auction (named so that it is not a JSON property of the stored payload). */
  public boolean auction() {
    return "AUCTION".equals(buyingOption);
  }
}
