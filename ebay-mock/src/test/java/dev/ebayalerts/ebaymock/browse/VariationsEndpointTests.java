package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.ebaymock.MockApiTests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Item groups: a listing sold in sizes, colours or capacities, one summary per variation. */
class VariationsEndpointTests extends MockApiTests {

  private String token;

  @BeforeEach
  void obtainToken() throws Exception {
    token = token();
  }

  @Test
  void listsEachVariationOfAnItemGroupAsItsOwnSummary() throws Exception {
    Map<String, List<Map<String, Object>>> groups = groups("iphone 13", "9355");

    assertThat(groups).hasSizeGreaterThan(5);
    groups.forEach(
        (legacyItemId, variations) -> {
          assertThat(variations).hasSizeBetween(2, 4);
          Set<String> itemIds =
              variations.stream().map(v -> (String) v.get("itemId")).collect(Collectors.toSet());
          assertThat(itemIds)
              .hasSize(variations.size())
              .allSatisfy(
                  id -> assertThat(id).startsWith("v1|" + legacyItemId + "|").doesNotEndWith("|0"));
          assertThat(variations)
              .allSatisfy(
                  v -> {
                    assertThat(v)
                        .containsEntry("itemGroupType", "SELLER_DEFINED_VARIATIONS")
                        .containsEntry("legacyItemId", legacyItemId);
                    assertThat((String) v.get("itemGroupHref"))
                        .endsWith(
                            "/buy/browse/v1/item/get_items_by_item_group?item_group_id="
                                + legacyItemId);
                    assertThat((String) v.get("title"))
                        .startsWith("Apple iPhone 13")
                        .matches(".* [0-9]+(GB|TB) [A-Z][a-z]+$");
                    assertThat((String) v.get("itemWebUrl")).contains("?var=");
                  });
          String stem = stem((String) variations.get(0).get("title"));
          assertThat(variations)
              .allSatisfy(v -> assertThat(stem((String) v.get("title"))).isEqualTo(stem));
        });
    // Storage sizes are priced apart.
    assertThat(groups.values())
        .anySatisfy(
            variations ->
                assertThat(variations.stream().map(v -> price(v)).distinct().count())
                    .isGreaterThan(1));
  }

  @ParameterizedTest
  @CsvSource({"iphone 13, 9355", "hoodie, 155183"})
  void sellsAFifthToTwoFifthsOfPhonesAndClothesAsItemGroups(String phrase, String category)
      throws Exception {
    List<Map<String, Object>> items =
        items(
            body(
                search(token)
                    .param("q", phrase)
                    .param("category_ids", category)
                    .param("limit", "200")));
    long listings = items.stream().map(item -> item.get("legacyItemId")).distinct().count();
    long groups =
        items.stream()
            .filter(item -> item.containsKey("itemGroupType"))
            .map(item -> item.get("legacyItemId"))
            .distinct()
            .count();

    assertThat((double) groups / listings).isBetween(0.15, 0.45);
  }

  @Test
  void sellsConsolesAndAuctionsWithoutVariations() throws Exception {
    assertThat(body(search(token).param("q", "ps5").param("limit", "200")))
        .doesNotContain("itemGroupType");
    assertThat(
            body(
                search(token)
                    .param("q", "iphone 13")
                    .param("filter", "buyingOptions:{AUCTION}")
                    .param("limit", "200")))
        .doesNotContain("itemGroupType");
  }

  /** The item groups of a page, each with its variations, leaving out the last, maybe cut. */
  private Map<String, List<Map<String, Object>>> groups(String phrase, String category)
      throws Exception {
    Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> item :
        items(
            body(
                search(token)
                    .param("q", phrase)
                    .param("category_ids", category)
                    .param("limit", "200")))) {
      if (item.containsKey("itemGroupHref")) {
        groups
            .computeIfAbsent((String) item.get("legacyItemId"), id -> new ArrayList<>())
            .add(item);
      }
    }
    List<String> ids = new ArrayList<>(groups.keySet());
    groups.remove(ids.get(ids.size() - 1));
    return groups;
  }

  /** The title without the variation's words (storage and colour). */
  private static String stem(String title) {
    return title.replaceAll(" [0-9]+(GB|TB) [A-Z][a-z]+$", "");
  }

  private static String price(Map<String, Object> item) {
    return ((Map<String, String>) item.get("price")).get("value");
  }
}
