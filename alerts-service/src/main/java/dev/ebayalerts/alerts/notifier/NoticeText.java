package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.delivery.ListingText;
import dev.ebayalerts.alerts.delivery.NoticeListing;
import dev.ebayalerts.alerts.delivery.NoticeListing.Reason;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Why a listing is told, in the few words every channel shows beside its price. */
final class NoticeText {

  private static final DateTimeFormatter END =
      DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.US);

  private NoticeText() {}

  static final String IMPLAUSIBLE = "Far below typical for this search: check it is the item";

  /** Why the listing is told beyond "new" or "cheaper", e.g. "Auction ends Nov 25, 15:30 UTC". */
  static String note(NoticeListing listing, NoticeRules rules) {
    return note(listing, rules, null);
  }

  /**
   * The same, and with {@code fence} (see {@link PriceFence}) a warning when the listing is priced
   * below it.
   */
  static String note(NoticeListing listing, NoticeRules rules, java.math.BigDecimal fence) {
    List<String> parts = new ArrayList<>();
    if (fence != null && listing.price() != null && listing.price().compareTo(fence) < 0) {
      parts.add(IMPLAUSIBLE);
    }
    if (listing.reasons().contains(Reason.TARGET_PRICE) && rules.targetPrice() != null) {
      parts.add(
          "At or below your target price of "
              + ListingText.price(rules.targetPrice(), listing.currency()));
    }
    if (listing.reasons().contains(Reason.ENDING_SOON) && listing.itemEndDate() != null) {
      ZoneId zone = rules.zone();
      parts.add(
          "Auction ends "
              + END.format(listing.itemEndDate().atZone(zone))
              + " "
              + zone.getId()
              + ", current bid "
              + ListingText.price(listing.price(), listing.currency()));
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }
}
