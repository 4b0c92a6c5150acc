package dev.ebayalerts.ebaymock.browse;

import java.math.BigDecimal;

/**
 * A listing's prices at one moment.
 *
 * @param fixedPrice the Buy It Now price, or null for an auction without one
 * @param currentBid the current bid of an auction, or null
 * @param originalPrice the struck-through price of a marked-down listing, or null
 */
record ListingState(
    BigDecimal fixedPrice, BigDecimal currentBid, int bidCount, BigDecimal originalPrice) {

  /**
   * The price searches filter and sort on: the one sent as {@code price}, falling back to the
   * current bid for auctions without Buy It Now.
   */
  BigDecimal price() {
    return fixedPrice != null ? fixedPrice : currentBid;
  }
}
