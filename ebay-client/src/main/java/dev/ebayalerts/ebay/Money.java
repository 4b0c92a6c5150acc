package dev.ebayalerts.ebay;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money as eBay reports it.
 *
 * @param value the amount, never negative
 * @param currency the ISO 4217 code, e.g. {@code USD}
 */
public record Money(BigDecimal value, String currency) {

  public Money {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(currency, "currency");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative amount: " + value);
    }
  }

  @Override
  public String toString() {
    return value.toPlainString() + " " + currency;
  }
}
