package dev.ebayalerts.ebaymock.browse;

import java.math.BigDecimal;

/**
 * One item summary a search can return: a listing, or one variation of an item group, with its
 * prices at the moment of the search.
 *
 * @param conversion from the seller's currency into the site's
 * @param shipping how it ships to the buyer, or null when the seller does not ship there
 */
record Match(
    Listing listing,
    Listing.Variant variant,
    ListingState state,
    ExchangeRates.Conversion conversion,
    Shipping.Option shipping) {

  String itemId() {
    return listing.itemId(variant);
  }

  String title() {
    return listing.title(variant);
  }

  /** The price in the site's currency, as filters and sorting see it. */
  BigDecimal price() {
    return conversion.apply(state.price());
  }

  /** What eBay sorts {@code price} by: the price plus a known shipping cost. */
  BigDecimal totalCost() {
    if (shipping == null || shipping.cost() == null) {
      return price();
    }
    return price().add(conversion.apply(shipping.cost()));
  }
}
