package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.alert.PriceBasis;
import dev.ebayalerts.alerts.delivery.PriceDetails;
import dev.ebayalerts.ebay.BuyingOption;
import dev.ebayalerts.ebay.Category;
import dev.ebayalerts.ebay.EbayBrowseClient;
import dev.ebayalerts.ebay.EbayWarning;
import dev.ebayalerts.ebay.ItemCondition;
import dev.ebayalerts.ebay.ItemSummary;
import dev.ebayalerts.ebay.Money;
import dev.ebayalerts.ebay.SearchRequest;
import dev.ebayalerts.ebay.SearchResult;
import dev.ebayalerts.ebay.Seller;
import dev.ebayalerts.ebay.Shipping;
import dev.ebayalerts.ebay.ShippingCostType;
import dev.ebayalerts.ebay.SortOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Turns an alert's search into an eBay Browse call, newest listings first. */
@Component
class EbaySearches {

  private final EbayBrowseClient ebay;
  private final FetchSettings settings;

  EbaySearches(EbayBrowseClient ebay, FetchSettings settings) {
    this.ebay = ebay;
    this.settings = settings;
  }

  SearchResults.Fetch search(DueAlert alert) {
    SearchRequest.Builder request =
        // The phrase as the search key sees it, so every alert sharing the search asks the same.
        SearchRequest.builder(alert.searchPhrase().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))
            .sort(SortOrder.NEWLY_LISTED)
            .limit(settings.fetchLimit())
            .excludeWords(alert.excludeWords());
    DueAlert.Refinements refine = alert.refinements();
    // eBay filters item prices: comparing totals, it gets the maximum only (a total is never
    // below its item price) and the range is checked on totals by the ListingFilter.
    BigDecimal min = refine.priceBasis() == PriceBasis.TOTAL ? null : alert.minPrice();
    if (min != null || alert.maxPrice() != null) {
      request.price(min, alert.maxPrice(), alert.currency());
    }
    request
        .marketplace(refine.marketplace())
        .excludedCategoryIds(refine.excludedCategoryIds())
        .sellers(refine.sellers())
        .excludedSellers(refine.excludedSellers())
        .itemLocationCountry(refine.itemLocationCountry())
        .returnsAccepted(refine.returnsAccepted())
        .freeShippingOnly(refine.freeShippingOnly())
        .bids(refine.minBids(), refine.maxBids());
    if (refine.shipToCountry() != null) {
      request.deliverTo(refine.shipToCountry(), refine.shipToPostalCode());
    }
    // eBay takes one category per search; several are checked on the results (ListingFilter).
    if (refine.categoryIds().size() <= SearchRequest.MAX_CATEGORY_IDS) {
      request.categoryIds(refine.categoryIds());
    }
    switch (alert.condition()) {
      case "NEW" -> request.conditions(ItemCondition.NEW);
      case "USED" -> request.conditions(ItemCondition.USED);
      default -> {}
    }
    switch (alert.buyingOption()) {
      case "FIXED_PRICE" -> request.buyingOptions(BuyingOption.FIXED_PRICE);
      case "AUCTION" -> request.buyingOptions(BuyingOption.AUCTION);
      case "BEST_OFFER" -> request.buyingOptions(BuyingOption.BEST_OFFER);
      default -> request.buyingOptions(BuyingOption.FIXED_PRICE, BuyingOption.AUCTION);
    }
    SearchResult result = ebay.search(request.build());
    return new SearchResults.Fetch(listings(result.items()), warnings(result), true);
  }

  /**
   * The listings in eBay's order, an item group's variants folded into one listing where the group
   * first appears: priced at its cheapest variant, with the highest as its range.
   */
  static List<FetchedListing> listings(List<ItemSummary> items) {
    Map<String, List<ItemSummary>> byListing = new LinkedHashMap<>();
    for (ItemSummary item : items) {
      String key = item.itemGroupId() != null ? "group:" + item.itemGroupId() : item.itemId();
      byListing.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
    }
    List<FetchedListing> listings = new ArrayList<>();
    for (List<ItemSummary> variants : byListing.values()) {
      listings.add(
          variants.size() == 1 && variants.get(0).itemGroupId() == null
              ? listing(variants.get(0), variants.get(0).itemId(), null)
              : group(variants));
    }
    return listings;
  }

  private static FetchedListing group(List<ItemSummary> variants) {
    String currency = variants.get(0).price().currency();
    ItemSummary cheapest =
        variants.stream()
            .filter(v -> v.price().currency().equals(currency))
            .min(Comparator.comparing(v -> v.price().value()))
            .orElseThrow();
    BigDecimal highest =
        variants.stream()
            .filter(v -> v.price().currency().equals(currency))
            .map(v -> v.price().value())
            .max(Comparator.naturalOrder())
            .orElseThrow();
    // The group is one listing whatever variant is cheapest today: its id is the group's.
    return listing(
        cheapest,
        "v1|" + cheapest.itemGroupId() + "|0",
        highest.compareTo(cheapest.price().value()) > 0 ? highest : null);
  }

  private static FetchedListing listing(ItemSummary item, String itemId, BigDecimal priceTo) {
    Shipping shipping = item.shipping();
    Money price = item.price();
    Money cost = shipping == null ? null : shipping.cost();
    boolean sameCurrency = cost != null && cost.currency().equals(price.currency());
    PriceDetails details =
        new PriceDetails(
            priceTo,
            sameCurrency ? cost.value() : null,
            // No shipping sent at all is "not stated": unknown, never free.
            shipping == null ? ShippingCostType.NOT_SPECIFIED.name() : shipping.type().name(),
            price.isConverted() ? price.convertedFromValue() : null,
            price.isConverted() ? price.convertedFromCurrency() : null,
            false);
    Seller seller = item.seller();
    return new FetchedListing(
        itemId,
        item.title(),
        price.value(),
        price.currency(),
        item.imageUrl(),
        item.itemWebUrl(),
        item.condition(),
        buyingOption(item.buyingOptions()),
        seller == null ? null : seller.username(),
        item.itemEndDate(),
        details,
        item.categories().stream().map(Category::id).toList(),
        item.itemLocation() == null ? null : item.itemLocation().country(),
        seller == null ? null : seller.feedbackScore(),
        seller == null ? null : seller.feedbackPercentage(),
        item.bidCount());
  }

  /**
   * The one way to buy a listing is shown as: an auction is an auction (even with Best Offer), a
   * fixed price that takes offers is BEST_OFFER, a classified ad only when that is all it is.
   */
  static String buyingOption(Set<BuyingOption> options) {
    if (options == null || options.isEmpty()) {
      return "FIXED_PRICE";
    }
    if (options.contains(BuyingOption.AUCTION)) {
      return "AUCTION";
    }
    if (options.contains(BuyingOption.BEST_OFFER)) {
      return "BEST_OFFER";
    }
    if (options.equals(Set.of(BuyingOption.CLASSIFIED_AD))) {
      return "CLASSIFIED_AD";
    }
    return "FIXED_PRICE";
  }

  private static String warnings(SearchResult result) {
    if (!result.hasWarnings()) {
      return null;
    }
    List<String> messages =
        result.warnings().stream().map(EbaySearches::describe).distinct().toList();
    return "eBay: " + String.join("; ", messages);
  }

  private static String describe(EbayWarning warning) {
    String message = warning.message() == null ? "warning" : warning.message();
    return message.toLowerCase(Locale.ROOT).startsWith("ebay")
        ? message
        : message + " (" + warning.errorId() + ")";
  }
}
