package dev.ebayalerts.ebay;

import java.util.Objects;

/**
 * An eBay category a listing is in.
 *
 * @param id eBay's category id, digits only, e.g. {@code 179697}; ids differ between marketplaces
 * @param name the category's name in the marketplace's language, or null when eBay sent only the id
 *     (its {@code leafCategoryIds})
 */
public record Category(String id, String name) {

  public Category {
    Objects.requireNonNull(id, "id");
  }
}
