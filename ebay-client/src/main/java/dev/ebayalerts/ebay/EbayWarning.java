package dev.ebayalerts.ebay;

import java.util.Map;

/**
 * A warning in a successful eBay answer ({@code warnings[]}), e.g. errorId 12002 or 12012 when eBay
 * ignored a filter value. The search still ran, but perhaps not as asked: callers should tell their
 * users.
 *
 * @param errorId eBay's error id
 * @param domain e.g. {@code API_BROWSE}
 * @param category e.g. {@code REQUEST}
 * @param message eBay's short message
 * @param longMessage eBay's longer message, or null
 * @param parameters the named values the message refers to
 */
public record EbayWarning(
    int errorId,
    String domain,
    String category,
    String message,
    String longMessage,
    Map<String, String> parameters) {

  public EbayWarning {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }
}
