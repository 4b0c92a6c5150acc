package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.alert.PriceBasis;
import dev.ebayalerts.alerts.delivery.NoticeListing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One alert run as the notifier needs it.
 *
 * @param alertId the alert
 * @param email the alert's owner
 * @param searchPhrase the alert's search
 * @param maxPrice the alert's maximum price, or null: the bound of "ending soon"
 * @param currency the currency of the alert's prices (maximum and target): a listing priced in
 *     another is never compared with them
 * @param priceBasis whether the alert compares item prices or prices with shipping: with shipping,
 *     a listing whose shipping is unknown is not compared with the target price
 * @param rules the alert's notice rules
 * @param first whether this is the alert's first run, which shows the current top listings
 * @param fetched every listing of this run's search
 * @param news the listings the news filter found (new, or dropped by at least the minimum)
 * @param now when the run happens
 */
public record NoticeRun(
    UUID alertId,
    String email,
    String searchPhrase,
    BigDecimal maxPrice,
    String currency,
    PriceBasis priceBasis,
    NoticeRules rules,
    boolean first,
    List<NoticeListing> fetched,
    List<NoticeListing> news,
    Instant now) {

  /**
   * Whether the listing's price can be compared with the alert's: the same currency, and with
   * shipping when the alert compares totals.
   */
  boolean comparable(NoticeListing listing) {
    return listing.price() != null
        && (currency == null || currency.equals(listing.currency()))
        && (priceBasis != PriceBasis.TOTAL || listing.details().shippingIncluded());
  }
}
