package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchRequestTests {

  @Test
  void defaultsToEbaysFirstPageInBestMatchOrder() {
    SearchRequest request = SearchRequest.builder("  drone ").build();

    assertThat(request.phrase()).isEqualTo("drone");
    assertThat(request.limit()).isEqualTo(50);
    assertThat(request.offset()).isZero();
    assertThat(request.sort()).isEqualTo(SortOrder.BEST_MATCH);
    assertThat(request.conditions()).isEmpty();
    assertThat(request.buyingOptions()).isEmpty();
    assertThat(request.excludeWords()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 201})
  void refusesLimitsEbayRejects(int limit) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").limit(limit).build())
        .withMessageContaining("limit");
  }

  @ParameterizedTest
  @CsvSource({"50,25", "50,-50", "200,10000", "100,10000"})
  void refusesOffsetsEbayRejects(int limit, int offset) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").limit(limit).offset(offset).build())
        .withMessageContaining("offset");
  }

  @Test
  void pagesUpToTheLastOffsetEbayAnswers() {
    SearchRequest last = SearchRequest.builder("drone").limit(200).offset(9800).build();

    assertThat(last.offset()).isEqualTo(9800);
    assertThatIllegalArgumentException().isThrownBy(last::nextPage);
    assertThat(SearchRequest.builder("drone").limit(10).build().nextPage().offset()).isEqualTo(10);
  }

  @Test
  void pairsEveryPriceBoundWithACurrency() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").price(BigDecimal.TEN, null, null).build())
        .withMessageContaining("currency");
    assertThat(SearchRequest.builder("drone").price(null, BigDecimal.TEN, "eur").build().currency())
        .isEqualTo("EUR");
  }

  @Test
  void refusesNonsensicalPriceRanges() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                SearchRequest.builder("drone")
                    .price(BigDecimal.TEN, BigDecimal.ONE, "USD")
                    .build());
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> SearchRequest.builder("drone").price(new BigDecimal("-1"), null, "USD").build());
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> SearchRequest.builder("drone").price(BigDecimal.ONE, null, "dollars").build());
  }

  @Test
  void refusesBlankPhrases() {
    assertThatIllegalArgumentException().isThrownBy(() -> SearchRequest.builder(" ").build());
    assertThatIllegalArgumentException().isThrownBy(() -> SearchRequest.builder(null).build());
  }

  @Test
  void tidiesExcludedWords() {
    SearchRequest request =
        SearchRequest.builder("drone")
            .excludeWords(List.of(" Broken ", "-parts", "broken", "", "  "))
            .build();

    assertThat(request.excludeWords()).containsExactly("broken", "parts");
  }

  @Test
  void putsSingleExcludedWordsIntoTheQueryAndKeepsPhrasesForTheClient() {
    SearchRequest request =
        SearchRequest.builder("drone").excludeWords(List.of("broken", "for parts")).build();

    assertThat(DefaultEbayBrowseClient.query(request)).isEqualTo("drone -broken");
  }

  @Test
  void leavesEveryNewFilterOffByDefault() {
    SearchRequest request = SearchRequest.builder("drone").build();

    assertThat(request.marketplace()).isNull();
    assertThat(request.categoryIds()).isEmpty();
    assertThat(request.excludedCategoryIds()).isEmpty();
    assertThat(request.sellers()).isEmpty();
    assertThat(request.excludedSellers()).isEmpty();
    assertThat(request.deliveryCountry()).isNull();
    assertThat(request.deliveryPostalCode()).isNull();
    assertThat(request.itemLocationCountry()).isNull();
    assertThat(request.returnsAccepted()).isFalse();
    assertThat(request.freeShippingOnly()).isFalse();
    assertThat(request.minBids()).isNull();
    assertThat(request.maxBids()).isNull();
    assertThat(request.categoryRefinements()).isFalse();
  }

  @Test
  void keepsEveryValueThroughToBuilderAndNextPage() {
    SearchRequest request =
        SearchRequest.builder("drone")
            .price(BigDecimal.ONE, BigDecimal.TEN, "USD")
            .conditions(ItemCondition.USED)
            .buyingOptions(BuyingOption.AUCTION)
            .excludeWords(List.of("broken"))
            .sort(SortOrder.NEWLY_LISTED)
            .limit(10)
            .listedAfter(Instant.parse("2025-06-01T00:00:00Z"))
            .marketplace(Marketplace.EBAY_GB)
            .categoryIds("179697")
            .excludedCategoryIds("182186")
            .sellers("skyhigh_deals")
            .excludedSellers("parts_bin_pete")
            .deliverTo("gb", "SW1A 1AA")
            .itemLocationCountry("gb")
            .returnsAccepted(true)
            .freeShippingOnly(true)
            .bids(1, 5)
            .categoryRefinements(true)
            .build();

    assertThat(request.toBuilder().build()).isEqualTo(request);
    assertThat(request.nextPage()).isEqualTo(request.toBuilder().offset(10).build());
  }

  @Test
  void takesTheMarketplaceToSearch() {
    assertThat(
            SearchRequest.builder("drone").marketplace(Marketplace.EBAY_DE).build().marketplace())
        .isEqualTo(Marketplace.EBAY_DE);
  }

  @Test
  void takesOneCategoryBecauseEbayTakesOnlyOne() {
    SearchRequest request =
        SearchRequest.builder("drone").categoryIds(" 179697 ", "", null).build();

    assertThat(request.categoryIds()).containsExactly("179697");
    assertThat(SearchRequest.builder("drone").categoryIds("0267", "267").build().categoryIds())
        .containsExactly("267");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").categoryIds("179697", "625").build())
        .withMessageContaining("categoryIds may name at most 1 category");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "12a", "-1", "1.5", "1|2", "1,2", "12345678901"})
  void refusesCategoryIdsThatAreNotEbays(String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").categoryIds(id).build())
        .withMessageContaining("categoryIds must be eBay category ids");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").excludedCategoryIds(id).build())
        .withMessageContaining("excludedCategoryIds must be eBay category ids");
  }

  @Test
  void boundsTheExcludedCategories() {
    List<String> allowed =
        IntStream.range(0, SearchRequest.MAX_EXCLUDED_CATEGORY_IDS)
            .mapToObj(i -> String.valueOf(100 + i))
            .toList();
    List<String> tooMany =
        IntStream.rangeClosed(0, SearchRequest.MAX_EXCLUDED_CATEGORY_IDS)
            .mapToObj(i -> String.valueOf(100 + i))
            .toList();

    assertThat(
            SearchRequest.builder("drone")
                .excludedCategoryIds(allowed)
                .build()
                .excludedCategoryIds())
        .hasSize(SearchRequest.MAX_EXCLUDED_CATEGORY_IDS);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").excludedCategoryIds(tooMany).build())
        .withMessageContaining("excludedCategoryIds may name at most 25 categories");
  }

  @Test
  void refusesACategoryBothSearchedAndExcluded() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                SearchRequest.builder("drone")
                    .categoryIds("179697")
                    .excludedCategoryIds("179697")
                    .build())
        .withMessageContaining("both searched and excluded");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,b",
        "seller}",
        "{seller",
        "one|two",
        "x:y",
        "[x]",
        "two words",
        "new\nline",
        "amp&ersand",
        "back\\slash"
      })
  void refusesSellerNamesThatCouldInjectFilterSyntax(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").sellers(name).build())
        .withMessageContaining("sellers must be eBay user names");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").excludedSellers(name).build())
        .withMessageContaining("excludedSellers must be eBay user names");
  }

  @Test
  void acceptsEbayUserNamesAndDropsDuplicates() {
    SearchRequest request =
        SearchRequest.builder("drone")
            .sellers(" skyhigh_deals ", "Retro.Flyer", "retro.flyer", "", null, "cheap*deals-2")
            .build();

    assertThat(request.sellers()).containsExactly("skyhigh_deals", "Retro.Flyer", "cheap*deals-2");
  }

  @Test
  void boundsSellerNamesAndTheirNumber() {
    String longest = "s".repeat(SearchRequest.MAX_SELLER_LENGTH);
    assertThat(SearchRequest.builder("drone").sellers(longest).build().sellers())
        .containsExactly(longest);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").sellers(longest + "s").build());

    List<String> tooMany =
        IntStream.rangeClosed(0, SearchRequest.MAX_SELLERS).mapToObj(i -> "seller" + i).toList();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").sellers(tooMany).build())
        .withMessageContaining("sellers may name at most 250 sellers");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").excludedSellers(tooMany).build())
        .withMessageContaining("excludedSellers may name at most 250 sellers");
    assertThat(
            SearchRequest.builder("drone")
                .excludedSellers(tooMany.subList(0, SearchRequest.MAX_SELLERS))
                .build()
                .excludedSellers())
        .hasSize(SearchRequest.MAX_SELLERS);
  }

  @Test
  void refusesASellerBothWantedAndExcluded() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                SearchRequest.builder("drone")
                    .sellers("skyhigh_deals")
                    .excludedSellers("SkyHigh_Deals")
                    .build())
        .withMessageContaining("both wanted and excluded");
  }

  @Test
  void normalisesCountryCodes() {
    SearchRequest request =
        SearchRequest.builder("drone").deliveryCountry(" de ").itemLocationCountry("gb").build();

    assertThat(request.deliveryCountry()).isEqualTo("DE");
    assertThat(request.itemLocationCountry()).isEqualTo("GB");
    assertThat(SearchRequest.builder("drone").deliveryCountry(" ").build().deliveryCountry())
        .isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"USA", "U", "XX", "1A", "D E", "DE,zip=1"})
  void refusesWhatIsNotAnIsoCountryCode(String country) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").deliveryCountry(country).build())
        .withMessageContaining("deliveryCountry must be an ISO 3166 alpha-2 country code");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").itemLocationCountry(country).build())
        .withMessageContaining("itemLocationCountry must be an ISO 3166 alpha-2 country code");
  }

  @Test
  void takesAPostalCodeOnlyWithACountry() {
    assertThat(
            SearchRequest.builder("drone")
                .deliverTo("US", " 19406-1234 ")
                .build()
                .deliveryPostalCode())
        .isEqualTo("19406-1234");
    assertThat(SearchRequest.builder("drone").deliverTo("US", "  ").build().deliveryPostalCode())
        .isNull();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").deliveryPostalCode("19406").build())
        .withMessageContaining("deliveryPostalCode needs a deliveryCountry");
  }

  @ParameterizedTest
  @ValueSource(strings = {"19406,zip=1", "10117=", "1%2C2", "-10117", "1234567890123", "SW1A\t1AA"})
  void refusesPostalCodesThatCouldBreakTheEndUserContext(String postalCode) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").deliverTo("US", postalCode).build())
        .withMessageContaining(
            "deliveryPostalCode must be 1 to 12 letters, digits, spaces or dashes");
  }

  @Test
  void takesBidRangesWithEitherBound() {
    assertThat(SearchRequest.builder("drone").minBids(1).build().minBids()).isEqualTo(1);
    assertThat(SearchRequest.builder("drone").maxBids(5).build().maxBids()).isEqualTo(5);
    assertThat(SearchRequest.builder("drone").bids(0, 0).build().maxBids()).isZero();
  }

  @Test
  void refusesBidRangesEbayCannotMatch() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").minBids(-1).build())
        .withMessageContaining("bid counts must not be negative");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").maxBids(-1).build())
        .withMessageContaining("bid counts must not be negative");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchRequest.builder("drone").bids(6, 5).build())
        .withMessageContaining("minBids 6 is above maxBids 5");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                SearchRequest.builder("drone")
                    .buyingOptions(BuyingOption.FIXED_PRICE)
                    .minBids(1)
                    .build())
        .withMessageContaining("bid counts apply to auctions only");
  }

  @Test
  void allowsBestOfferAsABuyingOption() {
    assertThat(
            SearchRequest.builder("drone")
                .buyingOptions(BuyingOption.BEST_OFFER)
                .build()
                .buyingOptions())
        .containsExactly(BuyingOption.BEST_OFFER);
  }

  @Test
  void takesTheFlagsAsGiven() {
    SearchRequest request =
        SearchRequest.builder("drone")
            .returnsAccepted(true)
            .freeShippingOnly(true)
            .categoryRefinements(true)
            .build();

    assertThat(request.returnsAccepted()).isTrue();
    assertThat(request.freeShippingOnly()).isTrue();
    assertThat(request.categoryRefinements()).isTrue();
  }

  @Test
  void keepsTheOldConstructorWorkingWithoutTheNewFilters() {
    SearchRequest old =
        new SearchRequest("drone", null, null, null, null, null, null, null, 50, 0, null);

    assertThat(old).isEqualTo(SearchRequest.builder("drone").build());
    assertThat(old.sellers()).isEqualTo(Collections.emptyList());
  }
}
