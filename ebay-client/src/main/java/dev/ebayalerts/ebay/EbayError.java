package dev.ebayalerts.ebay;

import java.util.Map;

/**
 * An error eBay returned ({@code errors[]}) with a failed answer.
 *
 * @param errorId eBay's error id, e.g. 12006 for a {@code limit} out of range
 * @param domain e.g. {@code API_BROWSE}
 * @param category e.g. {@code REQUEST}
 * @param message eBay's short message
 * @param longMessage eBay's longer message, or null
 * @param parameters the named values the message refers to
 */
public record EbayError(
    int errorId,
    String domain,
    String category,
    String message,
    String longMessage,
    Map<String, String> parameters) {

  public EbayError {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }
}
