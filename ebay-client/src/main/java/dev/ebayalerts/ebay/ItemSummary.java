package dev.ebayalerts.ebay;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One listing in a search result. Only {@code itemId}, {@code title}, {@code price} and {@code
 * buyingOptions} are always present; the rest is null when eBay did not send it.
 *
 * @param itemId eBay's RESTful item id, e.g. {@code v1|110123456789|0}: the key to deduplicate on
 * @param legacyItemId the numeric id of the listing page, e.g. {@code 110123456789}
 * @param title the listing title
 * @param price what the item costs now: eBay's {@code price}, or for an auction without one, its
 *     {@code currentBidPrice}
 * @param currentBidPrice the current bid of an auction, or null
 * @param bidCount the number of bids of an auction, or null
 * @param imageUrl the primary image, or the first thumbnail, or null
 * @param itemWebUrl the listing page on eBay
 * @param condition eBay's condition label, e.g. {@code New} or {@code Used}
 * @param conditionId eBay's condition id, e.g. {@code 1000}
 * @param buyingOptions how it can be bought; options this client does not know are left out
 * @param seller who sells it
 * @param itemCreationDate when the listing started
 * @param itemOriginDate when the listing first started, before any relisting
 * @param itemEndDate when an auction ends
 * @param marketingPrice an advertised discount, or null
 */
public record ItemSummary(
    String itemId,
    String legacyItemId,
    String title,
    Money price,
    Money currentBidPrice,
    Integer bidCount,
    String imageUrl,
    String itemWebUrl,
    String condition,
    String conditionId,
    Set<BuyingOption> buyingOptions,
    Seller seller,
    Instant itemCreationDate,
    Instant itemOriginDate,
    Instant itemEndDate,
    MarketingPrice marketingPrice) {

  public ItemSummary {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(price, "price");
    buyingOptions = buyingOptions == null ? Set.of() : Set.copyOf(buyingOptions);
  }

  public boolean isAuction() {
    return buyingOptions.contains(BuyingOption.AUCTION);
  }
}
