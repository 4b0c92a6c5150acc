package dev.ebayalerts.alerts.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Identifies an eBay search independently of who saved it: the phrase lower-cased with its
 * whitespace collapsed, plus every filter. Alerts with the same key are served by one eBay call.
 */
final class SearchKey {

  private SearchKey() {}

  static String of(AlertRequest request) {
    String normalized =
        String.join(
            "|",
            request.searchPhrase().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "),
            String.valueOf(request.minPrice()),
            String.valueOf(request.maxPrice()),
            request.currency(),
            request.condition().name(),
            request.buyingOption().name(),
            String.join(" ", request.excludeWords().stream().sorted().toList()));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
