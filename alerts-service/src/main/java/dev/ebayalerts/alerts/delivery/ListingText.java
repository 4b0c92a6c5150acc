package dev.ebayalerts.alerts.delivery;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * How a listing's price and links are shown wherever it is told: alert emails, feeds and chat
 * messages say the same thing the same way.
 */
public final class ListingText {

  private static final Locale LOCALE = Locale.US;

  private ListingText() {}

  /**
   * {@code $129.99} for US dollars, {@code EUR 12.50} for other currencies: a bare symbol would be
   * ambiguous ($ is also the Canadian and Australian dollar's).
   */
  public static String price(BigDecimal amount, String currencyCode) {
    if (amount == null) {
      return "price not given";
    }
    Currency currency = currency(currencyCode);
    if (currency == null) {
      NumberFormat plain = NumberFormat.getNumberInstance(LOCALE);
      plain.setMinimumFractionDigits(2);
      plain.setMaximumFractionDigits(2);
      return (currencyCode == null ? "" : currencyCode + " ") + plain.format(amount);
    }
    if (currency.equals(Currency.getInstance(LOCALE))) {
      NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
      format.setCurrency(currency);
      return format.format(amount);
    }
    NumberFormat format = NumberFormat.getNumberInstance(LOCALE);
    format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
    format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
    return currency.getCurrencyCode() + " " + format.format(amount);
  }

  /** {@code $150.00 → $129.99} for a drop, else the price. */
  public static String priceChange(NoticeListing listing) {
    String now = price(listing.price(), listing.currency());
    return listing.previousPrice() == null
        ? now
        : price(listing.previousPrice(), listing.currency()) + " → " + now;
  }

  /**
   * What the price alone does not say, or null: {@code variants up to $159.99 · + $5.99 shipping ·
   * seller's price CAD 175.00}. Shipping that is not known is said to be so, never shown as free.
   */
  public static String costs(NoticeListing listing) {
    PriceDetails details = listing.details();
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (details.priceTo() != null
        && listing.price() != null
        && details.priceTo().compareTo(listing.price()) > 0) {
      parts.add("variants from this price up to " + price(details.priceTo(), listing.currency()));
    }
    String shipping = shipping(details, listing.currency());
    if (shipping != null) {
      parts.add(shipping);
    }
    if (details.converted() && !details.sellerCurrency().equals(listing.currency())) {
      parts.add("seller's price " + price(details.sellerPrice(), details.sellerCurrency()));
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }

  private static String shipping(PriceDetails details, String currency) {
    if (details.shippingIncluded()) {
      return details.freeShipping()
          ? "free shipping"
          : "incl. " + price(details.shippingCost(), currency) + " shipping";
    }
    if (details.shippingCost() != null) {
      return details.freeShipping()
          ? "free shipping"
          : "+ " + price(details.shippingCost(), currency) + " shipping";
    }
    if (details.shippingType() == null) {
      // Told before shipping was fetched: nothing known, nothing said.
      return null;
    }
    return "CALCULATED".equals(details.shippingType())
        ? "+ shipping (calculated at checkout)"
        : "+ shipping (not stated)";
  }

  /** The price (or drop) and what it does not say: {@code $129.99 · + $5.99 shipping}. */
  public static String priceLine(NoticeListing listing) {
    String costs = costs(listing);
    return priceChange(listing) + (costs == null ? "" : " · " + costs);
  }

  /** At most {@code max} characters, the last an ellipsis when cut; "" for null. */
  static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static Currency currency(String code) {
    try {
      return code == null ? null : Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
