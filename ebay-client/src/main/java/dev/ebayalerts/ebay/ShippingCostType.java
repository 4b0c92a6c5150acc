package dev.ebayalerts.ebay;

import java.util.Locale;

/**
 * How a seller charges shipping, eBay's {@code shippingOptions[].shippingCostType}.
 *
 * <p>eBay documents {@code FIXED} and {@code CALCULATED} and asks clients to cope with values added
 * later; anything else, and a missing type, is {@link #NOT_SPECIFIED}.
 */
public enum ShippingCostType {
  /** Flat-rate shipping: the same cost for every buyer in a region. */
  FIXED,
  /**
   * The cost depends on the buyer's location and the parcel. eBay only sends a cost for it when it
   * knows where the buyer is, which is what {@link SearchRequest#deliveryCountry()} and {@link
   * SearchRequest#deliveryPostalCode()} tell it.
   */
  CALCULATED,
  /** eBay sent no type, or one this client does not know. */
  NOT_SPECIFIED;

  /** The type of eBay's value, {@link #NOT_SPECIFIED} for null, blank or unknown values. */
  static ShippingCostType of(String ebayValue) {
    if (ebayValue == null) {
      return NOT_SPECIFIED;
    }
    return switch (ebayValue.trim().toUpperCase(Locale.ROOT)) {
      case "FIXED" -> FIXED;
      case "CALCULATED" -> CALCULATED;
      default -> NOT_SPECIFIED;
    };
  }
}
