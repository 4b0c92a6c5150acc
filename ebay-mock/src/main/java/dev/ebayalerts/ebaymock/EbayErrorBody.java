package dev.ebayalerts.ebaymock;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * eBay's error and warning shape ({@code ErrorDetailV3}), used for {@code errors[]} in failed
 * responses and {@code warnings[]} in successful ones.
 */
public record EbayErrorBody(List<Detail> errors) {

  public static EbayErrorBody of(Detail detail) {
    return new EbayErrorBody(List.of(detail));
  }

  /** eBay's 401 answer to a missing, unknown or expired access token (error 1001). */
  public static EbayErrorBody invalidToken() {
    return of(
        new Detail(
            1001,
            "OAuth",
            "REQUEST",
            "Invalid access token",
            "Invalid access token. Check the value of the Authorization HTTP request header.",
            List.of()));
  }

  /** One error or warning. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Detail(
      int errorId,
      String domain,
      String category,
      String message,
      String longMessage,
      List<Parameter> parameters) {

    public static Detail browseRequest(int errorId, String message, Parameter... parameters) {
      return new Detail(errorId, "API_BROWSE", "REQUEST", message, message, List.of(parameters));
    }
  }

  /** A named value the message refers to. */
  public record Parameter(String name, String value) {}
}
