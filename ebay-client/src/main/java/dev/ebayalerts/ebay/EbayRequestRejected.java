package dev.ebayalerts.ebay;

import java.util.List;
import java.util.stream.Collectors;

/**
 * eBay refused the request (HTTP 4xx other than 401 and 429), e.g. an invalid parameter. Sending it
 * again will not help; {@link #errors()} says what eBay objected to.
 */
public final class EbayRequestRejected extends EbayException {

  private final int status;
  private final List<EbayError> errors;

  private EbayRequestRejected(int status, List<EbayError> errors) {
    super(
        "eBay rejected the request with HTTP %d%s"
            .formatted(
                status,
                errors.isEmpty()
                    ? ""
                    : ": "
                        + errors.stream()
                            .map(error -> error.errorId() + " " + error.message())
                            .collect(Collectors.joining("; "))),
        null);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  static EbayRequestRejected of(int status, List<EbayError> errors) {
    return new EbayRequestRejected(status, errors);
  }

  public int status() {
    return status;
  }

  public List<EbayError> errors() {
    return errors;
  }
}
