package dev.ebayalerts.ebay.links;

import java.util.List;
import java.util.Objects;

/**
 * What a pasted eBay link says: the search an alert can run, and the link's parameters it cannot.
 *
 * @param search the search, with everything that could be mapped
 * @param unsupported the parameters that narrow eBay's results but could not be mapped, in the
 *     order of the link, then those that conflict with another (two categories, an inverted price
 *     range, auctions with Best Offer); empty when the alert matches the eBay page exactly
 */
public record ParsedSearch(SearchLink search, List<Unsupported> unsupported) {

  public ParsedSearch {
    Objects.requireNonNull(search, "search");
    unsupported = unsupported == null ? List.of() : List.copyOf(unsupported);
  }
}
