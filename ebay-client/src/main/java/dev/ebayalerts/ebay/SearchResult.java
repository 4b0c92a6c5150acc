package dev.ebayalerts.ebay;

import java.util.List;

/**
 * One page of search results.
 *
 * @param items the usable listings of the page, in eBay's order, without those whose title contains
 *     an excluded word
 * @param total how many listings eBay matched in all (before the client-side exclusion of words)
 * @param hasMore whether eBay offers a next page
 * @param warnings eBay's warnings, e.g. a filter it ignored; empty when it had none
 * @param skippedItems listings left out because they were unusable (no price, no id, unreadable)
 */
public record SearchResult(
    List<ItemSummary> items,
    int total,
    boolean hasMore,
    List<EbayWarning> warnings,
    int skippedItems) {

  public SearchResult {
    items = List.copyOf(items);
    warnings = List.copyOf(warnings);
  }

  public boolean hasWarnings() {
    return !warnings.isEmpty();
  }
}
