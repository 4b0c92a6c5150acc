package dev.ebayalerts.ebaymock.browse;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A listing's prices at one moment, in the seller's currency.
 *
 * @param fixedPrice the Buy It Now price, or null for an auction without one (or past its first
 *     bid)
 * @param currentBid the current bid of an auction, or null
 * @param originalPrice the struck-through price of a marked-down listing, or null
 * @param buyingOptions the options on offer now
 */
record ListingState(
    BigDecimal fixedPrice,
    BigDecimal currentBid,
    int bidCount,
    BigDecimal originalPrice,
    Set<BuyingOption> buyingOptions) {

  /**
   * The price searches filter and sort on: the one sent as {@code price}, falling back to the
   * current bid for auctions without Buy It Now.
   */
  BigDecimal price() {
    return fixedPrice != null ? fixedPrice : currentBid;
  }
}
