package dev.ebayalerts.ebay;

/**
 * eBay did not accept the application: the token endpoint refused the client id and secret (e.g.
 * {@code invalid_client}), or the Browse API kept answering 401 to a freshly issued token. A
 * configuration problem, not a transient one.
 */
public final class EbayAuthenticationFailed extends EbayException {

  private final int status;

  private EbayAuthenticationFailed(String message, int status) {
    super(message, null);
    this.status = status;
  }

  static EbayAuthenticationFailed tokenRefused(int status, String error, String description) {
    return new EbayAuthenticationFailed(
        "eBay's token endpoint refused the client credentials with HTTP %d: %s%s"
            .formatted(status, error, description == null ? "" : " (" + description + ")"),
        status);
  }

  static EbayAuthenticationFailed freshTokenRefused() {
    return new EbayAuthenticationFailed(
        "eBay answered 401 to a freshly issued token; check the keyset's access to the Browse API",
        401);
  }

  public int status() {
    return status;
  }
}
