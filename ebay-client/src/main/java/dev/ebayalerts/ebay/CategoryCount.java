package dev.ebayalerts.ebay;

import java.util.Objects;

/**
 * How many of a search's matches are in one category: one of eBay's {@code
 * refinement.categoryDistributions}.
 *
 * @param id eBay's category id
 * @param name the category's name, or null if eBay sent none
 * @param matchCount the number of matching listings in the category, never negative
 */
public record CategoryCount(String id, String name, int matchCount) {

  public CategoryCount {
    Objects.requireNonNull(id, "id");
    if (matchCount < 0) {
      throw new IllegalArgumentException("negative matchCount: " + matchCount);
    }
  }
}
