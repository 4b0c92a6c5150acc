package dev.ebayalerts.ebaymock.browse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The buyer's location from eBay's {@code X-EBAY-C-ENDUSERCTX} header, e.g. {@code
 * affiliateCampaignId=123,contextualLocation=country%3DUS%2Czip%3D19406}: comma-separated pairs,
 * the value of {@code contextualLocation} itself URL-encoded pairs. A header the mock cannot read
 * is ignored, as eBay then falls back to the site's country.
 */
final class EndUserContext {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final String LOCATION = "contextualLocation=";

  private EndUserContext() {}

  /** The buyer's country, if the header names one. */
  static Optional<String> country(String header) {
    if (header == null) {
      return Optional.empty();
    }
    for (String pair : header.split(",")) {
      String trimmed = pair.trim();
      if (trimmed.startsWith(LOCATION)) {
        String location;
        try {
          location =
              URLDecoder.decode(trimmed.substring(LOCATION.length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          return Optional.empty();
        }
        for (String part : location.split(",")) {
          String[] keyValue = part.trim().split("=", 2);
          if (keyValue.length == 2
              && keyValue[0].equals("country")
              && COUNTRY.matcher(keyValue[1].trim()).matches()) {
            return Optional.of(keyValue[1].trim());
          }
        }
      }
    }
    return Optional.empty();
  }
}
