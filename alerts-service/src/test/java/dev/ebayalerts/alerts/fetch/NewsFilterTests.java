package dev.ebayalerts.alerts.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.alert.PriceBasis;
import dev.ebayalerts.alerts.delivery.PriceDetails;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewsFilterTests {

  private static final BigDecimal FIVE = new BigDecimal("5");

  @Test
  void aDropOfExactlyTheMinimumIsNewsAndJustLessIsNot() {
    assertThat(NewsFilter.droppedEnough(new BigDecimal("100.00"), new BigDecimal("95.00"), FIVE))
        .isTrue();
    assertThat(NewsFilter.droppedEnough(new BigDecimal("100.00"), new BigDecimal("95.01"), FIVE))
        .isFalse();
    assertThat(
            NewsFilter.droppedEnough(
                new BigDecimal("100.00"), new BigDecimal("100.00"), BigDecimal.ZERO))
        .isFalse();
    assertThat(
            NewsFilter.droppedEnough(
                new BigDecimal("100.00"), new BigDecimal("99.99"), BigDecimal.ZERO))
        .isTrue();
  }

  @Test
  void titlesAreComparedWithoutCaseOrPunctuation() {
    assertThat(NewsFilter.normalize("  iPhone 13 - 128GB!! ")).isEqualTo("iphone 13 128gb");
  }

  @Test
  void aRelistBySomeoneElseIsNews() {
    Map<String, NewsFilter.Sent> sent =
        Map.of(
            "1",
            new NewsFilter.Sent("1", "alice", "canon ae 1", new BigDecimal("100"), null, null));
    List<NewsFilter.News> news =
        NewsFilter.news(
            List.of(
                listing("2", "Canon AE-1", "100", "bob"),
                listing("3", "Canon AE-1", "100", "alice")),
            sent,
            FIVE);
    assertThat(news).extracting(n -> n.listing().itemId()).containsExactly("2");
  }

  @Test
  void listingsWithoutSellerAreNeverTakenForRelists() {
    Map<String, NewsFilter.Sent> sent =
        Map.of("1", new NewsFilter.Sent("1", null, "lens", new BigDecimal("100"), null, null));
    assertThat(NewsFilter.news(List.of(listing("2", "Lens", "100", null)), sent, FIVE)).hasSize(1);
  }

  @Test
  void anExchangeRateMovingIsNotAPriceDrop() {
    // A Canadian seller's CAD 130.00, converted at two rates: the seller changed nothing.
    FetchedListing before = converted("1", "100.00", "130.00");
    FetchedListing after = converted("1", "90.00", "130.00");
    Map<String, NewsFilter.Sent> sent = Map.of("1", NewsFilter.Sent.of(before, PriceBasis.ITEM));

    assertThat(NewsFilter.decide(List.of(after), sent, FIVE, PriceBasis.ITEM).news()).isEmpty();
  }

  @Test
  void aForeignSellersDropIsMeasuredInTheirCurrencyWhateverTheRate() {
    // The seller cut CAD 130 to CAD 117 (10 %) while the rate rose: in dollars it looks flat.
    FetchedListing before = converted("1", "100.00", "130.00");
    FetchedListing after = converted("1", "100.00", "117.00");
    Map<String, NewsFilter.Sent> sent = Map.of("1", NewsFilter.Sent.of(before, PriceBasis.ITEM));

    List<NewsFilter.News> news =
        NewsFilter.decide(List.of(after), sent, FIVE, PriceBasis.ITEM).news();

    assertThat(news)
        .singleElement()
        .satisfies(n -> assertThat(n.previousPrice()).isEqualByComparingTo("100.00"));
  }

  @Test
  void withTotalsAShippingCutIsADropAndTheItemPriceAloneIsNot() {
    FetchedListing before = shipped("1", "100.00", "20.00");
    FetchedListing cheaperShipping = shipped("1", "100.00", "5.00");
    Map<String, NewsFilter.Sent> sent = Map.of("1", NewsFilter.Sent.of(before, PriceBasis.TOTAL));

    assertThat(NewsFilter.decide(List.of(cheaperShipping), sent, FIVE, PriceBasis.TOTAL).news())
        .singleElement()
        .satisfies(n -> assertThat(n.previousPrice()).isEqualByComparingTo("120.00"));
    Map<String, NewsFilter.Sent> byItem = Map.of("1", NewsFilter.Sent.of(before, PriceBasis.ITEM));
    assertThat(NewsFilter.decide(List.of(cheaperShipping), byItem, FIVE, PriceBasis.ITEM).news())
        .isEmpty();
  }

  @Test
  void unknownShippingIsComparedByItemPriceAndNeverCountsAsFree() {
    FetchedListing calculated =
        withDetails("1", "100.00", new PriceDetails(null, null, "CALCULATED", null, null, false));

    assertThat(NewsFilter.told(calculated, PriceBasis.TOTAL)).isEqualByComparingTo("100.00");
    assertThat(calculated.comparedPrice(PriceBasis.TOTAL)).isNull();
    assertThat(calculated.details().freeShipping()).isFalse();
  }

  private static FetchedListing converted(String id, String usd, String cad) {
    return withDetails(
        id, usd, new PriceDetails(null, null, null, new BigDecimal(cad), "CAD", false));
  }

  private static FetchedListing shipped(String id, String price, String shipping) {
    return withDetails(
        id, price, new PriceDetails(null, new BigDecimal(shipping), "FIXED", null, null, false));
  }

  private static FetchedListing withDetails(String id, String price, PriceDetails details) {
    return new FetchedListing(
        id,
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
        List.of(),
        null,
        null,
        null,
        null);
  }

  private static FetchedListing listing(String id, String title, String price, String seller) {
    return new FetchedListing(
        id,
        title,
        new BigDecimal(price),
        "USD",
        null,
        null,
        "Used",
        "FIXED_PRICE",
        seller,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null);
  }
}
