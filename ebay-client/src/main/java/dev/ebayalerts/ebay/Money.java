package dev.ebayalerts.ebay;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money as eBay reports it (eBay's {@code ConvertedAmount}).
 *
 * <p>When a seller lists in another currency than the marketplace's, e.g. a Canadian seller seen on
 * EBAY_US, eBay converts: {@code value}/{@code currency} are then eBay's conversion into the
 * marketplace currency (what the buyer is shown), and {@code convertedFromValue}/{@code
 * convertedFromCurrency} the seller's own amount. eBay's conversion rate moves from day to day, so
 * the converted {@code value} of an unchanged listing can change; {@link #sellerAmount()} does not.
 *
 * @param value the amount, never negative
 * @param currency the ISO 4217 code, e.g. {@code USD}
 * @param convertedFromValue the seller's amount before eBay's conversion, or null when eBay did not
 *     convert; never negative
 * @param convertedFromCurrency the ISO 4217 code of {@code convertedFromValue}, or null when eBay
 *     did not convert; present exactly when {@code convertedFromValue} is
 */
public record Money(
    BigDecimal value,
    String currency,
    BigDecimal convertedFromValue,
    String convertedFromCurrency) {

  public Money {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(currency, "currency");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative amount: " + value);
    }
    if ((convertedFromValue == null) != (convertedFromCurrency == null)) {
      throw new IllegalArgumentException(
          "convertedFromValue and convertedFromCurrency come together or not at all");
    }
    if (convertedFromValue != null && convertedFromValue.signum() < 0) {
      throw new IllegalArgumentException("negative converted-from amount: " + convertedFromValue);
    }
  }

  /** An amount eBay did not convert. */
  public Money(BigDecimal value, String currency) {
    this(value, currency, null, null);
  }

  /** Whether eBay converted this amount from the seller's currency. */
  public boolean isConverted() {
    return convertedFromValue != null;
  }

  /**
   * The amount in the seller's own currency: the converted-from amount when eBay converted, else
   * this amount. Compare this across days; the converted value moves with eBay's rate.
   */
  public Money sellerAmount() {
    return isConverted() ? new Money(convertedFromValue, convertedFromCurrency) : this;
  }

  /**
   * This amount plus another in the same currency, or null when the currencies differ. The
   * converted-from amounts are added too when both have them in the same currency (an unconverted
   * zero counts as zero in any currency); otherwise the sum carries no conversion.
   */
  Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      return null;
    }
    BigDecimal sum = value.add(other.value);
    if (isConverted() && other.isConverted()) {
      return convertedFromCurrency.equals(other.convertedFromCurrency)
          ? new Money(
              sum,
              currency,
              convertedFromValue.add(other.convertedFromValue),
              convertedFromCurrency)
          : new Money(sum, currency);
    }
    if (isConverted() && other.value.signum() == 0) {
      return new Money(sum, currency, convertedFromValue, convertedFromCurrency);
    }
    if (other.isConverted() && value.signum() == 0) {
      return new Money(sum, currency, other.convertedFromValue, other.convertedFromCurrency);
    }
    return new Money(sum, currency);
  }

  @Override
  public String toString() {
    String amount = value.toPlainString() + " " + currency;
    return isConverted()
        ? amount
            + " (from "
            + convertedFromValue.toPlainString()
            + " "
            + convertedFromCurrency
            + ")"
        : amount;
  }
}
