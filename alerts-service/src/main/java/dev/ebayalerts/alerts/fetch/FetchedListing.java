package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.alert.PriceBasis;
import dev.ebayalerts.alerts.delivery.PriceDetails;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A listing as fetched from eBay, reduced to what alerts and their notices use. An item group (one
 * listing with variants) is one fetched listing priced at its cheapest variant.
 *
 * @param itemId eBay's item id; for an item group, the group's listing ({@code v1|<group>|0})
 * @param price the item price (an auction's current bid) in the marketplace's currency
 * @param itemEndDate when an auction ends, else null
 * @param details shipping, the variants' range and the seller's own price
 * @param categoryIds the listing's categories, leaf and parents
 * @param locationCountry where the item is, or null
 * @param sellerFeedbackScore the seller's feedback score, or null when not sent
 * @param sellerFeedbackPercent the seller's share of positive feedback, or null when not sent
 * @param bidCount an auction's bids, else null
 */
record FetchedListing(
    String itemId,
    String title,
    BigDecimal price,
    String currency,
    String imageUrl,
    String itemWebUrl,
    String condition,
    String buyingOption,
    String seller,
    Instant itemEndDate,
    PriceDetails details,
    List<String> categoryIds,
    String locationCountry,
    Integer sellerFeedbackScore,
    BigDecimal sellerFeedbackPercent,
    Integer bidCount) {

  FetchedListing {
    // Results stored before these details were fetched read back with nulls.
    details = details == null ? PriceDetails.NONE : details;
    categoryIds = categoryIds == null ? List.of() : List.copyOf(categoryIds);
  }

  /**
   * The price an alert compares in the marketplace's currency: the item price, or with {@code
   * TOTAL} the item price plus shipping; null with {@code TOTAL} when the shipping is unknown.
   */
  BigDecimal comparedPrice(PriceBasis basis) {
    return basis == PriceBasis.TOTAL ? details.total(price) : price;
  }

  /**
   * The same amount in the seller's own currency, where a drop is measured: an exchange rate moving
   * is not the seller lowering the price.
   */
  BigDecimal sellerAmount(PriceBasis basis) {
    return details.sellerAmount(price, basis == PriceBasis.TOTAL);
  }

  /** The currency of {@link #sellerAmount}. */
  String sellerCurrency() {
    return details.converted() ? details.sellerCurrency() : currency;
  }
}
