package dev.ebayalerts.alerts.alert;

/**
 * What an alert's prices are compared with: the maximum and target prices, and how much a listing
 * dropped. eBay's own price filter knows only the item price, so with {@code TOTAL} eBay is asked
 * for items up to the maximum and the shipping is added to the results here.
 */
public enum PriceBasis {
  /** The item price alone, as eBay's price filter means it. */
  ITEM,
  /** The item price plus the cheapest shipping to the alert's ships-to country. */
  TOTAL
}
