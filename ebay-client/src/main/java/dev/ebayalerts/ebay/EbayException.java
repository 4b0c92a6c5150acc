package dev.ebayalerts.ebay;

/** A failure to get an answer from eBay; the subclasses say which kind. */
public abstract class EbayException extends RuntimeException {

  EbayException(String message, Throwable cause) {
    super(message, cause);
  }
}
