package dev.ebayalerts.ebay;

/** The orders eBay can sort search results in. */
public enum SortOrder {
  /** eBay's relevance order, its default. */
  BEST_MATCH(null),
  /** The most recently listed first: the order for finding new listings. */
  NEWLY_LISTED("newlyListed"),
  /** Auctions and listings that end soonest first. */
  ENDING_SOONEST("endingSoonest"),
  /** The lowest price (plus shipping) first. */
  PRICE_LOWEST_FIRST("price"),
  /** The highest price (plus shipping) first. */
  PRICE_HIGHEST_FIRST("-price");

  private final String ebayValue;

  SortOrder(String ebayValue) {
    this.ebayValue = ebayValue;
  }

  /** The value of eBay's {@code sort} parameter, or null to leave it out. */
  String ebayValue() {
    return ebayValue;
  }
}
