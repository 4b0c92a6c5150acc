package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.notifier.NoticeListing.Reason;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** The few words every channel shows for a listing: its price and why it is told. */
final class NoticeText {

  private static final DateTimeFormatter END =
      DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.US);

  private NoticeText() {}

  /** {@code $129.99} for US dollars, {@code EUR 12.50} otherwise (a bare symbol is ambiguous). */
  static String price(BigDecimal amount, String currencyCode) {
    if (amount == null) {
      return "price not given";
    }
    if ("USD".equals(currencyCode)) {
      return NumberFormat.getCurrencyInstance(Locale.US).format(amount);
    }
    NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
    int digits = 2;
    try {
      digits = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
    } catch (RuntimeException e) {
      // unknown code: two decimals
    }
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return (currencyCode == null ? "" : currencyCode + " ") + format.format(amount);
  }

  /** {@code $150.00 → $129.99} for a drop, else the price. */
  static String priceChange(NoticeListing listing) {
    String now = price(listing.price(), listing.currency());
    return listing.previousPrice() == null
        ? now
        : price(listing.previousPrice(), listing.currency()) + " → " + now;
  }

  /** Why the listing is told beyond "new" or "cheaper", e.g. "Auction ends Nov 25, 15:30 UTC". */
  static String note(NoticeListing listing, NoticeRules rules) {
    List<String> parts = new ArrayList<>();
    if (listing.reasons().contains(Reason.TARGET_PRICE) && rules.targetPrice() != null) {
      parts.add(
          "At or below your target price of " + price(rules.targetPrice(), listing.currency()));
    }
    if (listing.reasons().contains(Reason.ENDING_SOON) && listing.itemEndDate() != null) {
      ZoneId zone = rules.zone();
      parts.add(
          "Auction ends "
              + END.format(listing.itemEndDate().atZone(zone))
              + " "
              + zone.getId()
              + ", current bid "
              + price(listing.price(), listing.currency()));
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }
}
