package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.ebay.BuyingOption;
import dev.ebayalerts.ebay.EbayBrowseClient;
import dev.ebayalerts.ebay.EbayWarning;
import dev.ebayalerts.ebay.ItemCondition;
import dev.ebayalerts.ebay.ItemSummary;
import dev.ebayalerts.ebay.SearchRequest;
import dev.ebayalerts.ebay.SearchResult;
import dev.ebayalerts.ebay.SortOrder;
import java.util.List;
import java.util.Locale;
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
    if (alert.minPrice() != null || alert.maxPrice() != null) {
      request.price(alert.minPrice(), alert.maxPrice(), alert.currency());
    }
    switch (alert.condition()) {
      case "NEW" -> request.conditions(ItemCondition.NEW);
      case "USED" -> request.conditions(ItemCondition.USED);
      default -> {}
    }
    switch (alert.buyingOption()) {
      case "FIXED_PRICE" -> request.buyingOptions(BuyingOption.FIXED_PRICE);
      case "AUCTION" -> request.buyingOptions(BuyingOption.AUCTION);
      default -> request.buyingOptions(BuyingOption.FIXED_PRICE, BuyingOption.AUCTION);
    }
    SearchResult result = ebay.search(request.build());
    return new SearchResults.Fetch(
        result.items().stream().map(EbaySearches::listing).toList(), warnings(result), true);
  }

  private static FetchedListing listing(ItemSummary item) {
    return new FetchedListing(
        item.itemId(),
        item.title(),
        item.price().value(),
        item.price().currency(),
        item.imageUrl(),
        item.itemWebUrl(),
        item.condition(),
        buyingOption(item.buyingOptions()),
        item.seller() == null ? null : item.seller().username(),
        item.itemEndDate());
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
