package dev.ebayalerts.alerts.notification;

import java.math.BigDecimal;

/**
 * One listing in an alert email.
 *
 * @param itemId eBay's item id
 * @param title the listing's title, shown as is (escaped)
 * @param price the current price
 * @param currency ISO 4217 code of {@code price} and {@code previousPrice}
 * @param previousPrice the price last emailed; null unless the price dropped since the last email
 * @param imageUrl the listing's image, or null; only http(s) URLs are shown
 * @param itemWebUrl the listing's page on eBay; only http(s) URLs are linked
 * @param condition eBay's condition text, e.g. {@code Used}, or null
 * @param buyingOption {@code AUCTION}, {@code FIXED_PRICE} (shown as Buy It Now), ... or null
 * @param note why the listing is told beyond new or cheaper (a target price, an auction ending
 *     soon), or null
 */
public record EmailListing(
    String itemId,
    String title,
    BigDecimal price,
    String currency,
    BigDecimal previousPrice,
    String imageUrl,
    String itemWebUrl,
    String condition,
    String buyingOption,
    String note) {

  public EmailListing(
      String itemId,
      String title,
      BigDecimal price,
      String currency,
      BigDecimal previousPrice,
      String imageUrl,
      String itemWebUrl,
      String condition,
      String buyingOption) {
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
        null);
  }

  /** Whether the listing is in the email because its price fell. */
  boolean dropped() {
    return previousPrice != null;
  }
}
