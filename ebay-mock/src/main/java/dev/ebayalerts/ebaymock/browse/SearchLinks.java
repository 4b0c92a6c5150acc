package dev.ebayalerts.ebaymock.browse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to a search, as eBay writes {@code href}, {@code next}, {@code prev} and {@code
 * refinementHref}: the search's parameters in a fixed order, then {@code offset}, on the address
 * the request came to.
 */
final class SearchLinks {

  private final Map<String, String> parameters;

  private SearchLinks(Map<String, String> parameters) {
    this.parameters = parameters;
  }

  /** Parameters in eBay's order; null values are left out. */
  static SearchLinks of(
      String q, String categoryIds, int limit, String sort, String filter, String fieldgroups) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("q", q);
    parameters.put("category_ids", categoryIds);
    parameters.put("limit", String.valueOf(limit));
    parameters.put("sort", sort);
    parameters.put("filter", filter);
    parameters.put("fieldgroups", fieldgroups);
    return new SearchLinks(parameters);
  }

  /** This search at an offset. */
  String at(int offset) {
    UriComponentsBuilder link =
        ServletUriComponentsBuilder.fromCurrentContextPath().path(SearchController.SEARCH_PATH);
    Map<String, Object> values = new LinkedHashMap<>();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            link.queryParam(name, "{" + name + "}");
            values.put(name, value);
          }
        });
    values.put("offset", offset);
    return link.queryParam("offset", "{offset}").encode().buildAndExpand(values).toUriString();
  }

  /** The first page of this search within a category instead. */
  String inCategory(String categoryId) {
    return with("category_ids", categoryId).at(0);
  }

  /** The first page of this search with one more set filter, e.g. {@code conditionIds:{3000}}. */
  String withFilter(String field, String value) {
    String extra = field + ":{" + value + "}";
    String filter = parameters.get("filter");
    return with("filter", filter == null || filter.isBlank() ? extra : filter + "," + extra).at(0);
  }

  private SearchLinks with(String parameter, String value) {
    Map<String, String> changed = new LinkedHashMap<>(parameters);
    changed.put(parameter, value);
    return new SearchLinks(changed);
  }
}
