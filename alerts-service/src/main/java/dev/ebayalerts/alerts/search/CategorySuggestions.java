package dev.ebayalerts.alerts.search;

import dev.ebayalerts.ebay.CategoryCount;
import dev.ebayalerts.ebay.CategoryRefinement;
import dev.ebayalerts.ebay.EbayBrowseClient;
import dev.ebayalerts.ebay.Marketplace;
import dev.ebayalerts.ebay.SearchRequest;
import dev.ebayalerts.ebay.SearchResult;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Where a search's matches fall on eBay, from eBay's category refinements: "84 % of results are in
 * Screen Protectors" is how a user sees that an alert will mostly find accessories. Each answer
 * costs an eBay call, so answers are kept for an hour per marketplace and phrase (at most {@value
 * #MAX_CACHED} of them).
 */
@Service
class CategorySuggestions {

  static final int MAX_CATEGORIES = 10;
  private static final int MAX_CACHED = 1_000;
  private static final Duration KEPT = Duration.ofHours(1);

  /** The distribution of a search's matches over categories, largest first. */
  // Named apart from MuteSuggestions' records: OpenAPI names schemas by simple class name.
  @Schema(name = "CategorySuggestions")
  record Suggestions(int total, List<Suggestion> categories) {}

  /**
   * One category.
   *
   * @param share of all matches, 0 to 1
   */
  @Schema(name = "CategorySuggestion")
  record Suggestion(String id, String name, int count, double share) {}

  private record Cached(Suggestions suggestions, Instant until) {}

  private final EbayBrowseClient ebay;
  private final Clock clock;
  private final Map<String, Cached> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > MAX_CACHED;
        }
      };

  CategorySuggestions(EbayBrowseClient ebay, Clock clock) {
    this.ebay = ebay;
    this.clock = clock;
  }

  /** Whether the answer for this search is kept, so asking costs no eBay call. */
  boolean cached(String phrase, Marketplace marketplace) {
    synchronized (cache) {
      Cached cached = cache.get(key(phrase, marketplace));
      return cached != null && cached.until().isAfter(clock.instant());
    }
  }

  Suggestions of(String phrase, Marketplace marketplace) {
    String key = key(phrase, marketplace);
    Instant now = clock.instant();
    synchronized (cache) {
      Cached cached = cache.get(key);
      if (cached != null && cached.until().isAfter(now)) {
        return cached.suggestions();
      }
    }
    SearchResult result =
        ebay.search(
            SearchRequest.builder(normalized(phrase))
                .marketplace(marketplace)
                .limit(1)
                .categoryRefinements(true)
                .build());
    Suggestions suggestions = suggestions(result);
    synchronized (cache) {
      cache.put(key, new Cached(suggestions, now.plus(KEPT)));
    }
    return suggestions;
  }

  static Suggestions suggestions(SearchResult result) {
    CategoryRefinement refinement = result.refinement();
    List<CategoryCount> counts = refinement == null ? List.of() : refinement.categories();
    int total =
        Math.max(
            result.total(), counts.stream().mapToInt(CategoryCount::matchCount).max().orElse(0));
    List<Suggestion> categories =
        counts.stream()
            .filter(c -> c.matchCount() > 0)
            .sorted(Comparator.comparingInt(CategoryCount::matchCount).reversed())
            .limit(MAX_CATEGORIES)
            .map(
                c ->
                    new Suggestion(
                        c.id(),
                        c.name() == null ? "Category " + c.id() : c.name(),
                        c.matchCount(),
                        total == 0 ? 0 : Math.min(1, (double) c.matchCount() / total)))
            .toList();
    return new Suggestions(total, categories);
  }

  private static String key(String phrase, Marketplace marketplace) {
    return marketplace + "|" + normalized(phrase);
  }

  private static String normalized(String phrase) {
    return phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
