package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchRequestTest {

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
}
