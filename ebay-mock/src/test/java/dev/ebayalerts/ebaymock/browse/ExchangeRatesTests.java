package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExchangeRatesTests {

  private static final Instant MORNING = Instant.parse("2025-06-02T06:00:00Z");

  @Test
  void holdsARateForTheWholeDay() {
    assertThat(ExchangeRates.rate("GBP", "USD", MORNING.plus(Duration.ofHours(17))))
        .isEqualTo(ExchangeRates.rate("GBP", "USD", MORNING));
  }

  @Test
  void movesRatesALittleFromDayToDayAndMoreOverWeeks() {
    double today = ExchangeRates.rate("EUR", "USD", MORNING);
    double tomorrow = ExchangeRates.rate("EUR", "USD", MORNING.plus(Duration.ofDays(1)));
    assertThat(tomorrow).isNotEqualTo(today).isCloseTo(today, within(today * 0.02));
    assertThat(today).isBetween(1.0, 1.2);
    for (int day = 0; day < 365; day++) {
      assertThat(ExchangeRates.rate("AUD", "USD", MORNING.plus(Duration.ofDays(day))))
          .isBetween(0.6, 0.72);
    }
  }

  @Test
  void convertsBothWays() {
    double there = ExchangeRates.rate("CAD", "GBP", MORNING);
    double back = ExchangeRates.rate("GBP", "CAD", MORNING);
    assertThat(there * back).isCloseTo(1.0, within(1e-9));
    assertThat(ExchangeRates.rate("EUR", "EUR", MORNING)).isEqualTo(1.0);
  }

  @Test
  void convertsAmountsToTheCent() {
    ExchangeRates.Conversion conversion = new ExchangeRates.Conversion("GBP", "USD", 1.2744);
    assertThat(conversion.apply(new BigDecimal("100.00"))).isEqualByComparingTo("127.44");
    assertThat(conversion.converts()).isTrue();
    assertThat(new ExchangeRates.Conversion("USD", "USD", 1).converts()).isFalse();
  }
}
