package dev.ebayalerts.ebay;

import java.util.Objects;

/**
 * What shipping a listing costs, from eBay's {@code shippingOptions}. When eBay sends several
 * options, this is the cheapest one whose cost is known.
 *
 * <p>A missing cost is never taken for free shipping: eBay leaves the cost out for calculated
 * shipping when it does not know where the buyer is, and a listing that would cost 30 USD to ship
 * must not be announced as a bargain. Shipping is free only when eBay actually sent a cost of zero.
 *
 * @param type how the seller charges shipping
 * @param cost the cost to ship to the buyer eBay assumed (see {@link
 *     SearchRequest#deliveryCountry()}), or null when eBay did not say
 */
public record Shipping(ShippingCostType type, Money cost) {

  public Shipping {
    Objects.requireNonNull(type, "type");
  }

  /** Whether eBay said what shipping costs. */
  public boolean known() {
    return cost != null;
  }

  /** Whether eBay said that shipping costs nothing; false when the cost is unknown. */
  public boolean free() {
    return cost != null && cost.value().signum() == 0;
  }
}
