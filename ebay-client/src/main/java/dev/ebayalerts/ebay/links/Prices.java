package dev.ebayalerts.ebay.links;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Prices as people type them into eBay's price boxes, which copy them into the link unchanged:
 * {@code 12.50}, {@code 12,50} on sites with a decimal comma, {@code 1,500} or {@code 1.500,00}
 * with thousands separators.
 */
final class Prices {

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F']");
  private static final Pattern NUMBER = Pattern.compile("[0-9.,]*[0-9][0-9.,]*");
  private static final int MAX_LENGTH = 20;

  private Prices() {}

  /**
   * The price, or null when the text is not one.
   *
   * @param decimalComma whether the site writes {@code 12,50}; decides what a lone separator
   *     followed by three digits is ({@code 1.500} is 1500 on ebay.de, 1.5 on ebay.com)
   */
  static BigDecimal parse(String text, boolean decimalComma) {
    String digits = SPACES.matcher(text).replaceAll("");
    if (digits.length() > MAX_LENGTH || !NUMBER.matcher(digits).matches()) {
      return null;
    }
    int lastDot = digits.lastIndexOf('.');
    int lastComma = digits.lastIndexOf(',');
    char decimal;
    if (lastDot >= 0 && lastComma >= 0) {
      decimal = lastDot > lastComma ? '.' : ',';
    } else if (lastDot < 0 && lastComma < 0) {
      decimal = '.';
    } else {
      char separator = lastDot >= 0 ? '.' : ',';
      int position = Math.max(lastDot, lastComma);
      boolean once = digits.indexOf(separator) == position;
      boolean grouping = separator == (decimalComma ? '.' : ',');
      boolean thousands = !once || (grouping && digits.length() - position - 1 == 3);
      decimal = thousands ? (separator == '.' ? ',' : '.') : separator;
    }
    char grouping = decimal == '.' ? ',' : '.';
    String plain = digits.replace(String.valueOf(grouping), "");
    if (plain.indexOf(decimal) != plain.lastIndexOf(decimal)) {
      return null;
    }
    return new BigDecimal(plain.replace(decimal, '.'));
  }
}
