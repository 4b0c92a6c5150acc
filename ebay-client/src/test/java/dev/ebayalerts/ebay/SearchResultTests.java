package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The records of a result as callers build them, e.g. in test doubles of the client. */
class SearchResultTests {

  private static final ItemSummary ITEM =
      new ItemSummary(
          "v1|1|0",
          "1",
          "Drone",
          new Money(new BigDecimal("10.00"), "USD"),
          null,
          null,
          null,
          null,
          null,
          null,
          Set.of(BuyingOption.FIXED_PRICE),
          null,
          null,
          null,
          null,
          null);

  @Test
  void keepsTheOldConstructorsWorking() {
    SearchResult result = new SearchResult(List.of(ITEM), 7, true, List.of(), 0);

    assertThat(result.hasMore()).isTrue();
    assertThat(result.limit()).isEqualTo(1);
    assertThat(result.offset()).isZero();
    assertThat(result.next()).isNull();
    assertThat(result.refinement()).isNull();
    assertThat(ITEM.shipping()).isNull();
    assertThat(ITEM.categories()).isEmpty();
    assertThat(ITEM.totalPrice()).isNull();
    assertThat(ITEM.freeShipping()).isFalse();
  }

  @Test
  void hasMoreWheneverEbaySentANextPage() {
    SearchResult result =
        new SearchResult(
            List.of(ITEM), 7, false, List.of(), 0, 1, 0, "https://api.ebay.com/next", null);

    assertThat(result.hasMore()).isTrue();
  }

  @Test
  void refusesNegativePaging() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SearchResult(List.of(), 0, false, List.of(), 0, -1, 0, null, null));
  }

  @Test
  void neverCountsUnknownShippingAsFree() {
    Shipping unknown = new Shipping(ShippingCostType.CALCULATED, null);
    Shipping free = new Shipping(ShippingCostType.FIXED, new Money(new BigDecimal("0.00"), "USD"));

    assertThat(unknown.known()).isFalse();
    assertThat(unknown.free()).isFalse();
    assertThat(free.known()).isTrue();
    assertThat(free.free()).isTrue();
  }

  @Test
  void capsTheCategoriesOfAListing() {
    List<Category> many = IntStream.range(0, 70).mapToObj(i -> new Category("" + i, null)).toList();
    ItemSummary item =
        new ItemSummary(
            "v1|1|0",
            null,
            "Drone",
            ITEM.price(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            many,
            null,
            null,
            null);

    assertThat(item.categories()).hasSize(ItemSummary.MAX_CATEGORIES);
  }
}
