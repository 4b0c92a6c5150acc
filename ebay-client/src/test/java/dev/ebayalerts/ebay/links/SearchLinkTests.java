package dev.ebayalerts.ebay.links;

import static dev.ebayalerts.ebay.Marketplace.EBAY_US;
import static dev.ebayalerts.ebay.links.Searches.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.ebayalerts.ebay.links.SearchLink.Sort;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchLinkTests {

  @Test
  void normalisesWhatTheParserNormalises() {
    SearchLink search =
        new SearchLink(
            EBAY_US,
            "  lego   star wars ",
            Arrays.asList("-Broken", "\"Box  Only\"", "broken", " ", null),
            null,
            null,
            null,
            null,
            null,
            false,
            false,
            "gb",
            null,
            List.of(" seller_1 ", "seller_1"));

    assertThat(search.phrase()).isEqualTo("lego star wars");
    assertThat(search.excludedWords()).containsExactly("broken", "box only");
    assertThat(search.categoryIds()).isEmpty();
    assertThat(search.itemLocationCountry()).isEqualTo("GB");
    assertThat(search.sort()).isEqualTo(Sort.BEST_MATCH);
    assertThat(search.sellers()).containsExactly("seller_1");
  }

  @Test
  void needsKeywordsOrACategory() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> search(EBAY_US, " ").build())
        .withMessageContaining("keywords or a category");
    assertThat(search(EBAY_US, "").category("9355").build().phrase()).isEmpty();
  }

  @Test
  void refusesNonsensicalPrices() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> search(EBAY_US, "lego").price("-1", null).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> search(EBAY_US, "lego").price("10", "5").build());
  }

  @Test
  void refusesMalformedIds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> search(EBAY_US, "lego").category("0").build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> search(EBAY_US, "lego").category("93a55").build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> search(EBAY_US, "lego").sellers("two sellers").build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> search(EBAY_US, "lego").sellers("a,b").build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> search(EBAY_US, "lego").locatedIn("GBR").build());
  }
}
