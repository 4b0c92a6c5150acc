package dev.ebayalerts.alerts.alert;

/**
 * Which kind of listing an alert wants; {@code ANY} asks eBay for auctions and Buy It Now, {@code
 * BEST_OFFER} for Buy It Now listings whose seller takes offers.
 */
enum BuyingOption {
  FIXED_PRICE,
  AUCTION,
  BEST_OFFER,
  ANY
}
