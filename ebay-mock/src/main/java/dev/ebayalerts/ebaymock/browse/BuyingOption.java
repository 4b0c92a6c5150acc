package dev.ebayalerts.ebaymock.browse;

/** eBay's buying options, as in the {@code buyingOptions} filter and item field. */
enum BuyingOption {
  FIXED_PRICE,
  AUCTION,
  BEST_OFFER,
  CLASSIFIED_AD
}
