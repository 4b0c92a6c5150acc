package dev.ebayalerts.alerts.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.alert.PriceBasis;
import dev.ebayalerts.alerts.delivery.PriceDetails;
import dev.ebayalerts.ebay.Marketplace;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListingFilterTests {

  @Test
  void withTotalsThePriceRangeCoversShippingAndUnknownShippingFallsBackToTheItemPrice() {
    ListingFilter filter = ListingFilter.of(alert(null, "100.00", refine(PriceBasis.TOTAL)));

    assertThat(filter.wanted(listing("95.00", shipping("4.99"), List.of(), null, null))).isTrue();
    assertThat(filter.wanted(listing("95.00", shipping("5.01"), List.of(), null, null))).isFalse();
    assertThat(filter.wanted(listing("95.00", calculated(), List.of(), null, null))).isTrue();
    assertThat(filter.wanted(listing("100.01", calculated(), List.of(), null, null))).isFalse();
  }

  @Test
  void byItemPriceShippingDoesNotCount() {
    ListingFilter filter = ListingFilter.of(alert(null, "100.00", refine(PriceBasis.ITEM)));

    assertThat(filter.wanted(listing("95.00", shipping("50.00"), List.of(), null, null))).isTrue();
  }

  @Test
  void freeShippingOnlyNeedsShippingKnownToBeFree() {
    ListingFilter filter = ListingFilter.of(alert(null, null, freeShippingOnly()));

    assertThat(filter.wanted(listing("10.00", shipping("0.00"), List.of(), null, null))).isTrue();
    assertThat(filter.wanted(listing("10.00", shipping("0.01"), List.of(), null, null))).isFalse();
    assertThat(filter.wanted(listing("10.00", calculated(), List.of(), null, null))).isFalse();
    assertThat(filter.wanted(listing("10.00", PriceDetails.NONE, List.of(), null, null))).isFalse();
  }

  @Test
  void severalCategoriesAreCheckedHereAndExcludedOnesAlways() {
    ListingFilter filter =
        ListingFilter.of(alert(null, null, categories(List.of("1", "2"), List.of("9"))));

    assertThat(filter.wanted(listing("10.00", null, List.of("2", "50"), null, null))).isTrue();
    assertThat(filter.wanted(listing("10.00", null, List.of("3"), null, null))).isFalse();
    assertThat(filter.wanted(listing("10.00", null, List.of("1", "9"), null, null))).isFalse();
  }

  @Test
  void sellerFeedbackMustBeKnownAndEnough() {
    ListingFilter filter = ListingFilter.of(alert(null, null, feedback(100, "98.50")));

    assertThat(filter.wanted(listing("10.00", null, List.of(), 100, "98.5"))).isTrue();
    assertThat(filter.wanted(listing("10.00", null, List.of(), 99, "99.9"))).isFalse();
    assertThat(filter.wanted(listing("10.00", null, List.of(), 5000, "98.4"))).isFalse();
    assertThat(filter.wanted(listing("10.00", null, List.of(), null, null))).isFalse();
  }

  private static DueAlert alert(String min, String max, DueAlert.Refinements refinements) {
    return new DueAlert(
        UUID.randomUUID(),
        "a@example.com",
        "leica m6",
        10,
        min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max),
        "USD",
        "ANY",
        "ANY",
        List.of(),
        new BigDecimal("5"),
        "key",
        Instant.EPOCH,
        null,
        true,
        NoticeRules.defaults(),
        refinements);
  }

  private static DueAlert.Refinements refine(PriceBasis basis) {
    return new DueAlert.Refinements(
        Marketplace.EBAY_US,
        basis,
        null,
        null,
        false,
        false,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        null);
  }

  private static DueAlert.Refinements freeShippingOnly() {
    return new DueAlert.Refinements(
        Marketplace.EBAY_US,
        PriceBasis.ITEM,
        null,
        null,
        true,
        false,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        null);
  }

  private static DueAlert.Refinements categories(List<String> wanted, List<String> excluded) {
    return new DueAlert.Refinements(
        Marketplace.EBAY_US,
        PriceBasis.ITEM,
        null,
        null,
        false,
        false,
        null,
        wanted,
        excluded,
        List.of(),
        List.of(),
        null,
        null,
        null,
        null);
  }

  private static DueAlert.Refinements feedback(int score, String percent) {
    return new DueAlert.Refinements(
        Marketplace.EBAY_US,
        PriceBasis.ITEM,
        null,
        null,
        false,
        false,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        score,
        new BigDecimal(percent),
        null,
        null);
  }

  private static PriceDetails shipping(String cost) {
    return new PriceDetails(null, new BigDecimal(cost), "FIXED", null, null, false);
  }

  private static PriceDetails calculated() {
    return new PriceDetails(null, null, "CALCULATED", null, null, false);
  }

  private static FetchedListing listing(
      String price,
      PriceDetails details,
      List<String> categories,
      Integer feedbackScore,
      String feedbackPercent) {
    return new FetchedListing(
        "v1|1|0",
        "Leica M6",
        new BigDecimal(price),
        "USD",
        null,
        null,
        "Used",
        "FIXED_PRICE",
        "seller",
        null,
        details,
        categories,
        "US",
        feedbackScore,
        feedbackPercent == null ? null : new BigDecimal(feedbackPercent),
        null);
  }
}
