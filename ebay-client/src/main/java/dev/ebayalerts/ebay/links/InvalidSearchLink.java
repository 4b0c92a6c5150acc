package dev.ebayalerts.ebay.links;

import dev.ebayalerts.ebay.Marketplace;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A pasted link that cannot become an alert: not an eBay search, on an eBay site alerts do not
 * search, or absurd. The message is written for the user who pasted it.
 */
public final class InvalidSearchLink extends RuntimeException {

  private static final String EXAMPLE = "https://www.ebay.com/sch/i.html?_nkw=lego+75192";

  private InvalidSearchLink(String message) {
    super(message);
  }

  static InvalidSearchLink empty() {
    return new InvalidSearchLink("Paste the address of an eBay search page, e.g. " + EXAMPLE + ".");
  }

  static InvalidSearchLink tooLong(int length, int maximum) {
    return new InvalidSearchLink(
        String.format(
            Locale.ROOT,
            "This link is %,d characters long; an eBay search link has at most %,d.",
            length,
            maximum));
  }

  static InvalidSearchLink tooManyParameters(int count, int maximum) {
    return new InvalidSearchLink(
        "This link has %d parameters; an eBay search link has at most %d."
            .formatted(count, maximum));
  }

  static InvalidSearchLink notALink() {
    return new InvalidSearchLink(
        "This is not a valid web address. Paste the address of an eBay search page, e.g. "
            + EXAMPLE
            + ".");
  }

  static InvalidSearchLink notWeb() {
    return new InvalidSearchLink(
        "Only web links (https://...) to eBay can be used. Paste the address of an eBay search"
            + " page, e.g. "
            + EXAMPLE
            + ".");
  }

  static InvalidSearchLink withUserName() {
    return new InvalidSearchLink(
        "This link has a user name before its host, which eBay links never have, so it is not"
            + " used.");
  }

  static InvalidSearchLink withPort() {
    return new InvalidSearchLink("This link names a port, which eBay links never do.");
  }

  static InvalidSearchLink notEbay() {
    return new InvalidSearchLink(
        "This is not a link to eBay. Paste the address of an eBay search page, e.g. "
            + EXAMPLE
            + ".");
  }

  static InvalidSearchLink unsupportedSite(String host) {
    return new InvalidSearchLink(
        "%s is not supported: alerts can search %s only.".formatted(host, supportedSites()));
  }

  static InvalidSearchLink shortened() {
    return new InvalidSearchLink(
        "This is a shortened eBay link. Open it, then copy the address of the search results"
            + " page.");
  }

  static InvalidSearchLink notASearch() {
    return new InvalidSearchLink(
        "This eBay link is not a search. Search on eBay, then copy the address of the results"
            + " page (.../sch/i.html?_nkw=...).");
  }

  static InvalidSearchLink nothingToSearch() {
    return new InvalidSearchLink(
        "This eBay search has neither keywords nor a category. Add keywords on eBay, then copy"
            + " the link again.");
  }

  private static String supportedSites() {
    return Arrays.stream(Marketplace.values())
        .map(marketplace -> marketplace.host().replaceFirst("^www\\.", ""))
        .collect(Collectors.joining(", "));
  }
}
