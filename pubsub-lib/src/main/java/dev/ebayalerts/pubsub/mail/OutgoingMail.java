package dev.ebayalerts.pubsub.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.core.NestedExceptionUtils;

/** The sender address of a service's emails and the account of a failed send. */
public final class OutgoingMail {

  /** The longest error kept: it goes into a database column and in front of operators. */
  public static final int ERROR_LENGTH = 300;

  private OutgoingMail() {}

  /**
   * The configured sender address, strictly parsed; a mistake stops the service at start rather
   * than failing every send later.
   *
   * @param property the setting's name, for the message, e.g. {@code alerts.mail.from}
   * @throws IllegalArgumentException naming the setting and what is wrong with it
   */
  public static InternetAddress sender(String text, String property) {
    try {
      InternetAddress address = new InternetAddress(text, true);
      if (address.getAddress().indexOf('@') < 0) {
        throw new AddressException("has no domain", text);
      }
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          property
              + " must be an email address such as 'ebay-alerts <alerts@example.com>': "
              + e.getMessage(),
          e);
    }
  }

  /**
   * One line of at most {@link #ERROR_LENGTH} characters: what failed, and the root cause if it
   * says more.
   */
  public static String describe(Exception e) {
    String text = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
    Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
    if (root != e) {
      text += " (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
    }
    return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
