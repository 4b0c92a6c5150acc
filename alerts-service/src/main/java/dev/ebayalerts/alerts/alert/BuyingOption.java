package dev.ebayalerts.alerts.alert;

/** Which kind of listing an alert wants; {@code ANY} asks eBay for auctions and Buy It Now. */
enum BuyingOption {
  FIXED_PRICE,
  AUCTION,
  ANY
}
