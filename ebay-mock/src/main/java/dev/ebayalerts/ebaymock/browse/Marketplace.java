package dev.ebayalerts.ebaymock.browse;

import java.util.Arrays;
import java.util.Optional;

/**
 * The eBay sites the mock serves, named as in {@code X-EBAY-C-MARKETPLACE-ID}. Each is also the
 * home of the sellers of its country, who price in its currency.
 */
enum Marketplace {
  EBAY_US("US", "USD", "www.ebay.com"),
  EBAY_GB("GB", "GBP", "www.ebay.co.uk"),
  EBAY_DE("DE", "EUR", "www.ebay.de"),
  EBAY_FR("FR", "EUR", "www.ebay.fr"),
  EBAY_IT("IT", "EUR", "www.ebay.it"),
  EBAY_ES("ES", "EUR", "www.ebay.es"),
  EBAY_CA("CA", "CAD", "www.ebay.ca"),
  EBAY_AU("AU", "AUD", "www.ebay.com.au");

  private final String country;
  private final String currency;
  private final String host;

  Marketplace(String country, String currency, String host) {
    this.country = country;
    this.currency = currency;
    this.host = host;
  }

  /** The ISO 3166 code of the site's country, e.g. {@code GB}. */
  String country() {
    return country;
  }

  /** The ISO 4217 code its prices are in. */
  String currency() {
    return currency;
  }

  /** The web host of its View Item pages. */
  String host() {
    return host;
  }

  static Optional<Marketplace> ofId(String id) {
    return Arrays.stream(values()).filter(m -> m.name().equals(id)).findFirst();
  }

  static Optional<Marketplace> ofCountry(String country) {
    return Arrays.stream(values()).filter(m -> m.country.equals(country)).findFirst();
  }
}
