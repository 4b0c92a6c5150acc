package dev.ebayalerts.ebay.links;

import java.util.Objects;

/**
 * A parameter of a pasted eBay link that narrows eBay's results but cannot be carried into an
 * alert, so the alert may show listings the eBay page does not. Shown to the user, never dropped.
 *
 * @param parameter the parameter as eBay names it, e.g. {@code LH_Sold} or {@code Brand}
 * @param value its value, decoded, e.g. {@code 1} or {@code Apple}
 * @param reason why it cannot be used and what the alert does instead, for the user
 */
public record Unsupported(String parameter, String value, String reason) {

  public Unsupported {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
  }
}
