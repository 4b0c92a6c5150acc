package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

  @Test
  void isItsOwnSellerAmountWithoutAConversion() {
    Money usd = money("12.00", "USD");

    assertThat(usd.isConverted()).isFalse();
    assertThat(usd.sellerAmount()).isSameAs(usd);
    assertThat(usd).hasToString("12.00 USD");
  }

  @Test
  void givesTheSellersOwnAmountOfAConversion() {
    Money converted = new Money(new BigDecimal("73.41"), "USD", new BigDecimal("99.99"), "CAD");

    assertThat(converted.isConverted()).isTrue();
    assertThat(converted.sellerAmount()).isEqualTo(money("99.99", "CAD"));
    assertThat(converted).hasToString("73.41 USD (from 99.99 CAD)");
  }

  @Test
  void refusesHalfAConversionAndNegativeAmounts() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Money(BigDecimal.ONE, "USD", BigDecimal.ONE, null));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Money(BigDecimal.ONE, "USD", null, "CAD"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Money(BigDecimal.ONE, "USD", new BigDecimal("-1"), "CAD"));
    assertThatIllegalArgumentException().isThrownBy(() -> money("-0.01", "USD"));
  }

  @Test
  void addsOnlyInOneCurrency() {
    assertThat(money("1.50", "USD").plus(money("2.25", "USD"))).isEqualTo(money("3.75", "USD"));
    assertThat(money("1.50", "USD").plus(money("2.25", "EUR"))).isNull();
  }

  @Test
  void addsConversionsFromOneCurrencyAndDropsMixedOnes() {
    Money price = new Money(new BigDecimal("73.41"), "USD", new BigDecimal("99.99"), "CAD");
    Money shipping = new Money(new BigDecimal("18.35"), "USD", new BigDecimal("25.00"), "CAD");
    Money fromPounds = new Money(new BigDecimal("5.00"), "USD", new BigDecimal("4.00"), "GBP");

    assertThat(price.plus(shipping))
        .isEqualTo(new Money(new BigDecimal("91.76"), "USD", new BigDecimal("124.99"), "CAD"));
    assertThat(price.plus(fromPounds)).isEqualTo(money("78.41", "USD"));
    // Free shipping needs no conversion to keep the price's.
    assertThat(price.plus(money("0.00", "USD")))
        .isEqualTo(new Money(new BigDecimal("73.41"), "USD", new BigDecimal("99.99"), "CAD"));
    assertThat(price.plus(money("1.00", "USD"))).isEqualTo(money("74.41", "USD"));
  }

  private static Money money(String value, String currency) {
    return new Money(new BigDecimal(value), currency);
  }
}
