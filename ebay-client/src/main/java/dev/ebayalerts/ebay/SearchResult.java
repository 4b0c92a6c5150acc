package dev.ebayalerts.ebay;

import java.util.List;

/**
 * One page of search results.
 *
 * @param items the usable listings of the page, in eBay's order, without those whose title contains
 *     an excluded word
 * @param total how many listings eBay matched in all (before the client-side exclusion of words).
 *     eBay calls it an indicator only, which varies with listings that have variations: page with
 *     {@code hasMore}, not with {@code total}
 * @param hasMore whether eBay offers a next page: true whenever {@code next} is set. It stays a
 *     component, not derived from {@code next} alone, so that results built without a next URL
 *     (e.g. by test doubles) can still say there is more
 * @param warnings eBay's warnings, e.g. a filter it ignored; empty when it had none
 * @param skippedItems listings left out because they were unusable (no price, no id, unreadable)
 * @param limit the page size eBay used, as it echoed it (else the requested one); 0 when unknown
 * @param offset the offset of this page, as eBay echoed it (else the requested one)
 * @param next eBay's URL of the next page, or null on the last page. Only for telling whether there
 *     is one: the next page is fetched with {@link SearchRequest#nextPage()}, so that it goes
 *     through the same checks and call budget
 * @param refinement the categories the matches fall into, when the request asked for them ({@link
 *     SearchRequest#categoryRefinements()}) and eBay sent them; else null
 */
public record SearchResult(
    List<ItemSummary> items,
    int total,
    boolean hasMore,
    List<EbayWarning> warnings,
    int skippedItems,
    int limit,
    int offset,
    String next,
    CategoryRefinement refinement) {

  public SearchResult {
    items = List.copyOf(items);
    warnings = List.copyOf(warnings);
    hasMore = hasMore || next != null;
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException(
          "limit and offset must not be negative, were %d and %d".formatted(limit, offset));
    }
  }

  /**
   * A first page without eBay's paging details and refinements, as this record was before it had
   * them: {@code limit} is the number of items, {@code offset} 0, {@code next} and {@code
   * refinement} null.
   */
  public SearchResult(
      List<ItemSummary> items,
      int total,
      boolean hasMore,
      List<EbayWarning> warnings,
      int skippedItems) {
    this(items, total, hasMore, warnings, skippedItems, items.size(), 0, null, null);
  }

  /** Whether eBay warned about the request, e.g. about a filter it ignored. */
  public boolean hasWarnings() {
    return !warnings.isEmpty();
  }
}
