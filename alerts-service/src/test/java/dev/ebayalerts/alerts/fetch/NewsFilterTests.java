package dev.ebayalerts.alerts.fetch;

import static org.assertj.core.api.Assertions.assertThat;

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
        Map.of("1", new NewsFilter.Sent("1", "alice", "canon ae 1", new BigDecimal("100")));
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
        Map.of("1", new NewsFilter.Sent("1", null, "lens", new BigDecimal("100")));
    assertThat(NewsFilter.news(List.of(listing("2", "Lens", "100", null)), sent, FIVE)).hasSize(1);
  }

  private static FetchedListing listing(String id, String title, String price, String seller) {
    return new FetchedListing(
        id, title, new BigDecimal(price), "USD", null, null, "Used", "FIXED_PRICE", seller, null);
  }
}
