package dev.ebayalerts.ebay;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The eBay sites an alert can search, each with the currency its prices are in, its web host and
 * its country. The name is eBay's {@code X-EBAY-C-MARKETPLACE-ID}.
 */
public enum Marketplace {
  EBAY_US("USD", "www.ebay.com", "US"),
  EBAY_GB("GBP", "www.ebay.co.uk", "GB"),
  EBAY_DE("EUR", "www.ebay.de", "DE"),
  EBAY_FR("EUR", "www.ebay.fr", "FR"),
  EBAY_IT("EUR", "www.ebay.it", "IT"),
  EBAY_ES("EUR", "www.ebay.es", "ES"),
  EBAY_CA("CAD", "www.ebay.ca", "CA"),
  EBAY_AU("AUD", "www.ebay.com.au", "AU");

  private final String currency;
  private final String host;
  private final String country;

  Marketplace(String currency, String host, String country) {
    this.currency = currency;
    this.host = host;
    this.country = country;
  }

  /** The ISO 4217 code of the site's prices, e.g. {@code EUR} for EBAY_DE. */
  public String currency() {
    return currency;
  }

  /** The site's web host, e.g. {@code www.ebay.co.uk}. */
  public String host() {
    return host;
  }

  /** The ISO 3166 code of the site's country, e.g. {@code GB}. */
  public String country() {
    return country;
  }

  /**
   * The marketplace of a web host, with or without {@code www.} and in any case: {@code ebay.de},
   * {@code www.EBAY.co.uk}. Empty for any other host.
   */
  public static Optional<Marketplace> ofHost(String host) {
    if (host == null) {
      return Optional.empty();
    }
    String bare = host.toLowerCase(Locale.ROOT);
    bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    String wanted = bare.startsWith("www.") ? bare : "www." + bare;
    return Arrays.stream(values()).filter(m -> m.host.equals(wanted)).findFirst();
  }
}
