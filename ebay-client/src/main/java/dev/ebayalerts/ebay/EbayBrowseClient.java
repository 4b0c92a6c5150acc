package dev.ebayalerts.ebay;

/**
 * Searches eBay listings through the Browse API ({@code GET /buy/browse/v1/item_summary/search}).
 *
 * <p>Every HTTP call to the Browse API, retries included, counts against the daily call budget
 * shared by all instances. Implementations are thread-safe.
 */
public interface EbayBrowseClient {

  /**
   * Runs one search and returns one page of results.
   *
   * @throws EbayBudgetExhausted when the daily call budget is used up; try again after {@link
   *     EbayBudgetExhausted#resetsAt()}
   * @throws EbayUnavailable when eBay could not be reached or kept failing after the configured
   *     retries, or answered with something unreadable; {@link EbayUnavailable#retryAfter()} says
   *     when eBay asked to be called again, if it did
   * @throws EbayRequestRejected when eBay refused the request (a 4xx other than 401 and 429)
   * @throws EbayAuthenticationFailed when eBay refused the application's credentials or kept
   *     refusing fresh tokens
   */
  SearchResult search(SearchRequest request);

  /** How much of today's call budget is used, read from the counter all instances share. */
  BudgetStatus budget();
}
