package dev.ebayalerts.alerts.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a listing costs beyond its price, as eBay told it: shipping, the price range of an item
 * group's variants and, for a foreign seller, the seller's own price before eBay converted it. Held
 * by the fetched listing and by every notice that tells it, so it is written once.
 *
 * @param priceTo the highest price of an item group's variants (the listing's price is the lowest),
 *     or null for a single item
 * @param shippingCost the cheapest shipping to the buyer in the listing's currency, or null when
 *     unknown (calculated at checkout, or not stated): unknown is never free
 * @param shippingType eBay's shipping cost type ({@code FIXED}, {@code CALCULATED}, {@code
 *     NOT_SPECIFIED}), or null when eBay sent no shipping at all
 * @param sellerPrice the price in the seller's currency when eBay converted it, else null
 * @param sellerCurrency the seller's currency when eBay converted the price, else null
 * @param shippingIncluded whether the listing's price, as told, already includes the shipping: so
 *     it is for alerts that compare prices with shipping, when the shipping is known
 */
public record PriceDetails(
    BigDecimal priceTo,
    BigDecimal shippingCost,
    String shippingType,
    BigDecimal sellerPrice,
    String sellerCurrency,
    boolean shippingIncluded) {

  /** Nothing beyond the price is known: the listings of a search made before these details. */
  public static final PriceDetails NONE = new PriceDetails(null, null, null, null, null, false);

  /** The same details, told with the shipping included in the price. */
  public PriceDetails withShippingIncluded() {
    return new PriceDetails(priceTo, shippingCost, shippingType, sellerPrice, sellerCurrency, true);
  }

  /** Whether the shipping cost is known. */
  public boolean shippingKnown() {
    return shippingCost != null;
  }

  /** Whether shipping is known to cost nothing. */
  public boolean freeShipping() {
    return shippingCost != null && shippingCost.signum() == 0;
  }

  /** Whether eBay converted the price from another currency. */
  public boolean converted() {
    return sellerPrice != null && sellerCurrency != null;
  }

  /** The price plus shipping, or null when the shipping cost is unknown. */
  public BigDecimal total(BigDecimal price) {
    return price == null || shippingCost == null ? null : price.add(shippingCost);
  }

  /**
   * The amount in the seller's own currency: the seller's price, plus shipping converted at the
   * rate of the price when {@code withShipping} and the shipping is known. For a seller in the
   * marketplace's currency, the price (and shipping) as they are.
   *
   * @return null when {@code withShipping} and the shipping is unknown
   */
  public BigDecimal sellerAmount(BigDecimal price, boolean withShipping) {
    if (price == null || (withShipping && shippingCost == null)) {
      return null;
    }
    if (!converted()) {
      return withShipping ? price.add(shippingCost) : price;
    }
    if (!withShipping) {
      return sellerPrice;
    }
    if (price.signum() == 0) {
      return sellerPrice;
    }
    BigDecimal shippingInSellerCurrency =
        shippingCost.multiply(sellerPrice).divide(price, 2, RoundingMode.HALF_UP);
    return sellerPrice.add(shippingInSellerCurrency);
  }
}
