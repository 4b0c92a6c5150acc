package dev.ebayalerts.ebay;

import java.util.List;

/**
 * The categories a search's matches fall into, from eBay's {@code refinement}: what a search with
 * {@link SearchRequest#categoryRefinements()} returns besides the listings. Useful to suggest a
 * category to narrow an alert that matches too much.
 *
 * @param dominantCategoryId the category most matches are in, or null if eBay sent none
 * @param categories the categories with their match counts, in eBay's order; never null, at most
 *     {@value #MAX_CATEGORIES}
 */
public record CategoryRefinement(String dominantCategoryId, List<CategoryCount> categories) {

  /** The most category counts kept from one answer; eBay's answer is not trusted to be small. */
  public static final int MAX_CATEGORIES = 200;

  public CategoryRefinement {
    categories = categories == null ? List.of() : List.copyOf(categories);
    if (categories.size() > MAX_CATEGORIES) {
      categories = categories.subList(0, MAX_CATEGORIES);
    }
  }
}
