package dev.ebayalerts.alerts.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Identifies an eBay search independently of who saved it: the phrase lower-cased with its
 * whitespace collapsed, the marketplace, where it ships to, and every filter sent to eBay. Alerts
 * with the same key are served by one eBay call; filters applied to the results (seller feedback,
 * several categories, the price basis) are not part of it, so alerts differing only in those still
 * share the call.
 */
final class SearchKey {

  private static final String DEFAULTS = "EBAY_US|null|null|false|false|null||||||null|null";

  private SearchKey() {}

  static String of(AlertRequest request) {
    boolean total = request.priceBasis() == PriceBasis.TOTAL;
    String normalized =
        String.join(
            "|",
            request.searchPhrase().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "),
            // With prices compared by total, eBay (which filters item prices) gets no minimum.
            total ? "null" : String.valueOf(request.minPrice()),
            String.valueOf(request.maxPrice()),
            request.currency(),
            request.condition().name(),
            request.buyingOption().name(),
            sorted(request.excludeWords()));
    // Before marketplaces, every search was on the one marketplace of the deployment: leaving
    // the defaults out keeps the keys of alerts saved then.
    String extras = extras(request);
    if (!extras.equals(DEFAULTS)) {
      normalized += "|" + extras;
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static String extras(AlertRequest request) {
    String extras =
        String.join(
            "|",
            request.marketplace().name(),
            String.valueOf(request.shipToCountry()),
            String.valueOf(request.shipToPostalCode()),
            String.valueOf(request.freeShippingOnly()),
            String.valueOf(request.returnsAccepted()),
            String.valueOf(request.itemLocationCountry()),
            sorted(request.categoryIds()),
            sorted(request.excludedCategoryIds()),
            sorted(request.sellers()),
            sorted(request.excludedSellers()),
            String.valueOf(request.minBids()),
            String.valueOf(request.maxBids()));
    return extras;
  }

  private static String sorted(List<String> values) {
    return String.join(" ", values.stream().sorted().toList());
  }
}
