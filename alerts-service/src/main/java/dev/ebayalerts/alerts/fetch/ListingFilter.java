package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.alert.PriceBasis;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of an alert's search that eBay's Browse API cannot filter, applied to the results: the
 * seller's feedback, several categories at once (eBay takes one), and with prices compared by total
 * the price range on item price plus shipping. Filters eBay applies are checked again where the
 * listing says enough, so a result eBay filtered loosely (or a shared result) is still right.
 */
final class ListingFilter {

  private final DueAlert alert;
  private final DueAlert.Refinements refine;
  private final Set<String> sellers;
  private final Set<String> excludedSellers;

  private ListingFilter(DueAlert alert) {
    this.alert = alert;
    this.refine = alert.refinements();
    this.sellers = lowerCase(refine.sellers());
    this.excludedSellers = lowerCase(refine.excludedSellers());
  }

  static ListingFilter of(DueAlert alert) {
    return new ListingFilter(alert);
  }

  List<FetchedListing> apply(List<FetchedListing> listings) {
    return listings.stream().filter(this::wanted).toList();
  }

  boolean wanted(FetchedListing listing) {
    return sellerWanted(listing)
        && categoryWanted(listing)
        && feedbackEnough(listing)
        && priceInRange(listing)
        && shippingWanted(listing)
        && bidsInRange(listing);
  }

  private boolean sellerWanted(FetchedListing listing) {
    String seller = listing.seller() == null ? null : listing.seller().toLowerCase(Locale.ROOT);
    if (!sellers.isEmpty() && (seller == null || !sellers.contains(seller))) {
      return false;
    }
    return seller == null || !excludedSellers.contains(seller);
  }

  private boolean categoryWanted(FetchedListing listing) {
    List<String> categories = listing.categoryIds();
    if (categories.stream().anyMatch(refine.excludedCategoryIds()::contains)) {
      return false;
    }
    // One category goes to eBay, which also finds its subcategories; several are checked here.
    return refine.categoryIds().size() < 2
        || categories.stream().anyMatch(refine.categoryIds()::contains);
  }

  private boolean feedbackEnough(FetchedListing listing) {
    // A seller whose feedback eBay did not send is not known to meet the minimum.
    if (refine.minSellerFeedbackScore() != null
        && (listing.sellerFeedbackScore() == null
            || listing.sellerFeedbackScore() < refine.minSellerFeedbackScore())) {
      return false;
    }
    return refine.minSellerFeedbackPercent() == null
        || (listing.sellerFeedbackPercent() != null
            && listing.sellerFeedbackPercent().compareTo(refine.minSellerFeedbackPercent()) >= 0);
  }

  /**
   * With totals compared, the range applies to price plus shipping (eBay filtered item prices up to
   * the maximum only); where shipping is unknown, to the item price. Listings in another currency
   * are left to eBay's own conversion.
   */
  private boolean priceInRange(FetchedListing listing) {
    if (refine.priceBasis() != PriceBasis.TOTAL
        || alert.currency() == null
        || !alert.currency().equals(listing.currency())) {
      return true;
    }
    BigDecimal price = NewsFilter.told(listing, PriceBasis.TOTAL);
    return (alert.minPrice() == null || price.compareTo(alert.minPrice()) >= 0)
        && (alert.maxPrice() == null || price.compareTo(alert.maxPrice()) <= 0);
  }

  /** Free shipping only: shipping known to be free; unknown shipping is not free. */
  private boolean shippingWanted(FetchedListing listing) {
    return !refine.freeShippingOnly() || listing.details().freeShipping();
  }

  private boolean bidsInRange(FetchedListing listing) {
    Integer bids = listing.bidCount();
    if (bids == null) {
      return true;
    }
    return (refine.minBids() == null || bids >= refine.minBids())
        && (refine.maxBids() == null || bids <= refine.maxBids());
  }

  private static Set<String> lowerCase(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}
