package dev.ebayalerts.alerts.search;

import dev.ebayalerts.alerts.web.InvalidRequest;
import dev.ebayalerts.ebay.Marketplace;
import dev.ebayalerts.ebay.links.EbaySearchLinks;
import dev.ebayalerts.ebay.links.InvalidSearchLink;
import dev.ebayalerts.ebay.links.ParsedSearch;
import dev.ebayalerts.ebay.links.SearchLink;
import dev.ebayalerts.ebay.links.Unsupported;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a pasted eBay search link into the fields of an alert. What an alert cannot do is listed
 * with the reason, never dropped silently: the link's own unsupported parameters, a sort other than
 * newest first, and exclusions of several words.
 */
@Component
class SearchLinks {

  /** Alerts take at most this many exclude words (see the alert's request). */
  static final int MAX_EXCLUDE_WORDS = 20;

  @Schema(description = "An eBay search link read as an alert: review it, then POST /api/alerts")
  record Draft(Fields alert, List<Unsupported> unsupported) {}

  /** The alert fields the link sets; the rest (email, frequency, channels) are the user's. */
  record Fields(
      String searchPhrase,
      Marketplace marketplace,
      String currency,
      BigDecimal minPrice,
      BigDecimal maxPrice,
      String condition,
      String buyingOption,
      boolean freeShippingOnly,
      boolean returnsAccepted,
      String itemLocationCountry,
      List<String> categoryIds,
      List<String> excludeWords,
      List<String> sellers) {}

  Draft read(String url) {
    ParsedSearch parsed;
    try {
      parsed = EbaySearchLinks.parse(url);
    } catch (InvalidSearchLink invalid) {
      throw InvalidRequest.field("url", invalid.getMessage());
    }
    SearchLink search = parsed.search();
    List<Unsupported> unsupported = new ArrayList<>(parsed.unsupported());
    List<String> words = new ArrayList<>();
    for (String word : search.excludedWords()) {
      if (word.contains(" ")) {
        unsupported.add(
            new Unsupported(
                "_nkw", "-\"" + word + "\"", "alerts exclude single words, not phrases"));
      } else if (words.size() == MAX_EXCLUDE_WORDS) {
        unsupported.add(
            new Unsupported(
                "_nkw", "-" + word, "an alert excludes at most " + MAX_EXCLUDE_WORDS + " words"));
      } else {
        words.add(word);
      }
    }
    if (search.sort() != null
        && search.sort() != SearchLink.Sort.NEWLY_LISTED
        && search.sort() != SearchLink.Sort.BEST_MATCH) {
      unsupported.add(
          new Unsupported(
              "_sop",
              search.sort().name(),
              "alerts always look at the newest listings first, which is how they find news"));
    }
    Marketplace marketplace = search.marketplace();
    return new Draft(
        new Fields(
            search.phrase(),
            marketplace,
            marketplace.currency(),
            search.minPrice(),
            search.maxPrice(),
            search.condition() == null ? "ANY" : search.condition().name(),
            buyingOption(search.format()),
            search.freeShippingOnly(),
            search.returnsAccepted(),
            search.itemLocationCountry(),
            search.categoryIds(),
            words,
            search.sellers()),
        List.copyOf(unsupported));
  }

  private static String buyingOption(SearchLink.Format format) {
    if (format == null) {
      return "ANY";
    }
    return switch (format) {
      case AUCTION -> "AUCTION";
      case BUY_IT_NOW -> "FIXED_PRICE";
      case BEST_OFFER -> "BEST_OFFER";
    };
  }
}
