/**
 * eBay web search links: {@link dev.ebayalerts.ebay.links.EbaySearchLinks#parse(String)} reads a
 * search URL a user pasted into a {@link dev.ebayalerts.ebay.links.SearchLink}, naming every
 * parameter it could not map, and {@link
 * dev.ebayalerts.ebay.links.EbaySearchLinks#toUrl(SearchLink)} writes a search back as the link
 * that opens it on eBay.
 *
 * <p>Pure Java, without Spring or network calls, so both services can use it: the link format is
 * written once, here.
 */
package dev.ebayalerts.ebay.links;
