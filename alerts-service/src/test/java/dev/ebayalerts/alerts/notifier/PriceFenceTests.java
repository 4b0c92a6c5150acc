package dev.ebayalerts.alerts.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.delivery.NoticeListing;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Implausibly cheap for the search: accessories, parts and scams are told with a warning. */
class PriceFenceTests {

  /** A Lego set's listings: most between $42 and $50. */
  static final List<BigDecimal> FALCON =
      Stream.of(
              "1.60", "35.24", "41.00", "42.00", "44.50", "46.99", "47.50", "48.00", "49.99",
              "52.00", "55.00")
          .map(BigDecimal::new)
          .toList();

  @Test
  void aListingFarBelowTheSearchsPricesIsFlaggedAndARealDealIsNot() {
    BigDecimal fence = PriceFence.lowerFence(FALCON);

    assertThat(fence).isBetween(new BigDecimal("1.61"), new BigDecimal("35.24"));
    assertThat(NoticeText.note(listing("1.60"), NoticeRules.defaults(), fence))
        .isEqualTo(NoticeText.IMPLAUSIBLE);
    assertThat(NoticeText.note(listing("35.24"), NoticeRules.defaults(), fence)).isNull();
  }

  @Test
  void identicalPricesFlagNothingAtOrAboveHalfTheMedian() {
    List<BigDecimal> same = Stream.generate(() -> new BigDecimal("100.00")).limit(10).toList();

    assertThat(PriceFence.lowerFence(same)).isEqualByComparingTo("50.00");
  }

  @Test
  void tooFewPricesSayNothing() {
    assertThat(PriceFence.lowerFence(FALCON.subList(0, PriceFence.MIN_PRICES - 1))).isNull();
  }

  private static NoticeListing listing(String price) {
    return new NoticeListing(
        "v1|1|0",
        "LEGO Millennium Falcon",
        new BigDecimal(price),
        "USD",
        null,
        null,
        null,
        "New",
        "FIXED_PRICE",
        null,
        List.of());
  }
}
