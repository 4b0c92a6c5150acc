package dev.ebayalerts.ebay;

/** The condition groups of eBay's {@code conditions} filter. */
public enum ItemCondition {
  NEW,
  USED
}
