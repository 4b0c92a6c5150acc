package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.ebay.links.EbaySearchLinks;
import dev.ebayalerts.ebay.links.SearchLink;

/** "Open this search on eBay": the alert's search as a link to eBay's own search page. */
final class EbayLinks {

  private EbayLinks() {}

  static String searchUrl(Alert alert) {
    return EbaySearchLinks.toUrlString(
        new SearchLink(
            alert.getMarketplace(),
            alert.getSearchPhrase(),
            alert.getExcludeWords(),
            alert.getCategoryIds(),
            alert.getMinPrice(),
            alert.getMaxPrice(),
            switch (alert.getCondition()) {
              case NEW -> SearchLink.Condition.NEW;
              case USED -> SearchLink.Condition.USED;
              case ANY -> null;
            },
            switch (alert.getBuyingOption()) {
              case AUCTION -> SearchLink.Format.AUCTION;
              case FIXED_PRICE -> SearchLink.Format.BUY_IT_NOW;
              case BEST_OFFER -> SearchLink.Format.BEST_OFFER;
              case ANY -> null;
            },
            alert.isFreeShippingOnly(),
            alert.isReturnsAccepted(),
            alert.getItemLocationCountry(),
            SearchLink.Sort.NEWLY_LISTED,
            alert.getSellers()));
  }
}
