package dev.ebayalerts.ebay.links;

import dev.ebayalerts.ebay.Marketplace;
import dev.ebayalerts.ebay.links.SearchLink.Condition;
import dev.ebayalerts.ebay.links.SearchLink.Format;
import dev.ebayalerts.ebay.links.SearchLink.Sort;
import java.math.BigDecimal;
import java.util.List;

/** Expected searches, written the way the tests read: only what differs from an empty search. */
final class Searches {

  private final Marketplace marketplace;
  private final String phrase;
  private List<String> excluded = List.of();
  private List<String> categories = List.of();
  private BigDecimal min;
  private BigDecimal max;
  private Condition condition;
  private Format format;
  private boolean freeShipping;
  private boolean returns;
  private String country;
  private Sort sort;
  private List<String> sellers = List.of();

  private Searches(Marketplace marketplace, String phrase) {
    this.marketplace = marketplace;
    this.phrase = phrase;
  }

  static Searches search(Marketplace marketplace, String phrase) {
    return new Searches(marketplace, phrase);
  }

  Searches excluding(String... words) {
    excluded = List.of(words);
    return this;
  }

  Searches category(String... ids) {
    categories = List.of(ids);
    return this;
  }

  Searches price(String min, String max) {
    this.min = min == null ? null : new BigDecimal(min);
    this.max = max == null ? null : new BigDecimal(max);
    return this;
  }

  Searches condition(Condition condition) {
    this.condition = condition;
    return this;
  }

  Searches format(Format format) {
    this.format = format;
    return this;
  }

  Searches freeShipping() {
    freeShipping = true;
    return this;
  }

  Searches returnsAccepted() {
    returns = true;
    return this;
  }

  Searches locatedIn(String country) {
    this.country = country;
    return this;
  }

  Searches sort(Sort sort) {
    this.sort = sort;
    return this;
  }

  Searches sellers(String... sellers) {
    this.sellers = List.of(sellers);
    return this;
  }

  SearchLink build() {
    return new SearchLink(
        marketplace,
        phrase,
        excluded,
        categories,
        min,
        max,
        condition,
        format,
        freeShipping,
        returns,
        country,
        sort,
        sellers);
  }
}
