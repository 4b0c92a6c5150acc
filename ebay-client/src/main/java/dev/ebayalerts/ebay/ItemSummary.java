package dev.ebayalerts.ebay;

import java.time.Instant;
import java.util.List;
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
 * @param shipping the cheapest shipping whose cost eBay sent, else the first option without a cost;
 *     null when eBay sent no {@code shippingOptions}
 * @param itemLocation where the item is, or null
 * @param categories the listing's categories (eBay's {@code categories}, then those of its {@code
 *     leafCategoryIds} not among them, without a name); never null, at most {@value
 *     #MAX_CATEGORIES}
 * @param itemGroupId the {@code item_group_id} of eBay's {@code itemGroupHref} when the listing is
 *     one variation of a group (e.g. one colour of a shirt), or null. Variations of one group share
 *     the listing page, so alerts may want to show a group once
 * @param itemGroupType eBay's {@code itemGroupType}, e.g. {@code SELLER_DEFINED_VARIATIONS}, or
 *     null
 * @param listingMarketplaceId the marketplace the seller listed on, e.g. {@code EBAY_CA} for a
 *     Canadian listing found on EBAY_US, or null
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
    MarketingPrice marketingPrice,
    Shipping shipping,
    ItemLocation itemLocation,
    List<Category> categories,
    String itemGroupId,
    String itemGroupType,
    String listingMarketplaceId) {

  /** The most categories kept for one listing. */
  public static final int MAX_CATEGORIES = 50;

  public ItemSummary {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(price, "price");
    buyingOptions = buyingOptions == null ? Set.of() : Set.copyOf(buyingOptions);
    categories = categories == null ? List.of() : List.copyOf(categories);
    if (categories.size() > MAX_CATEGORIES) {
      categories = categories.subList(0, MAX_CATEGORIES);
    }
  }

  /**
   * A listing without the shipping, location, category and variation details, as this record was
   * before it had them; those are null or empty.
   */
  public ItemSummary(
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
    this(
        itemId,
        legacyItemId,
        title,
        price,
        currentBidPrice,
        bidCount,
        imageUrl,
        itemWebUrl,
        condition,
        conditionId,
        buyingOptions,
        seller,
        itemCreationDate,
        itemOriginDate,
        itemEndDate,
        marketingPrice,
        null,
        null,
        List.of(),
        null,
        null,
        null);
  }

  /** Whether it can be bid on. */
  public boolean isAuction() {
    return buyingOptions.contains(BuyingOption.AUCTION);
  }

  /** Whether the seller accepts offers (eBay's {@code BEST_OFFER} buying option). */
  public boolean acceptsOffers() {
    return buyingOptions.contains(BuyingOption.BEST_OFFER);
  }

  /**
   * What the buyer pays in all: {@link #price()} plus the shipping cost, or null when the shipping
   * cost is unknown or in another currency. An unknown shipping cost is never counted as zero.
   */
  public Money totalPrice() {
    return shipping == null || shipping.cost() == null ? null : price.plus(shipping.cost());
  }

  /** Whether eBay said shipping is free; false when it did not say what shipping costs. */
  public boolean freeShipping() {
    return shipping != null && shipping.free();
  }
}
