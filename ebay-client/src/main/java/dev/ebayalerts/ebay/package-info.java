/**
 * Client for eBay's Browse API item search, with the OAuth client-credentials flow, a token cache
 * and a daily call budget shared through Redis, and retries for eBay's transient failures.
 *
 * <p>Applications inject {@link dev.ebayalerts.ebay.EbayBrowseClient}, which the auto-configuration
 * provides from the {@code ebay.*} settings in {@link dev.ebayalerts.ebay.EbayClientProperties}.
 */
package dev.ebayalerts.ebay;
