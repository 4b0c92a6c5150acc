package dev.ebayalerts.ebay;

/** eBay's buying options: how a listing can be bought. */
public enum BuyingOption {
  /** Buy It Now at a fixed price. */
  FIXED_PRICE,
  /** Bidding until the listing ends. */
  AUCTION,
  /** The seller accepts offers (always alongside {@link #FIXED_PRICE}). */
  BEST_OFFER,
  /** A classified ad: contact the seller, no purchase on eBay. */
  CLASSIFIED_AD
}
