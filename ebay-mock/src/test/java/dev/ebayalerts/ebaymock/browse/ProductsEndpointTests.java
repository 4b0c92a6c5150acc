package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.ebaymock.MockApiTests;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Prices, accessories, categories and category refinements, as a client sees them. */
class ProductsEndpointTests extends MockApiTests {

  private static final String ALL_OPTIONS = "buyingOptions:{FIXED_PRICE|AUCTION|BEST_OFFER}";
  private static final Pattern ACCESSORY_TITLE =
      Pattern.compile(
          "^(Case for|Screen Protector for|Charger for|Replacement Parts for|Replacement Band for"
              + "|Replacement Laces for|Attachment for) .*|.*(Empty Box Only|Instructions Only).*");

  private String token;

  @BeforeEach
  void obtainToken() throws Exception {
    token = token();
  }

  /** The median price is within 30% of what the product typically sells for. */
  @ParameterizedTest
  @CsvSource({
    "nintendo switch oled, 300, 139971",
    "iphone 13, 350, 9355",
    "ps5, 420, 139971",
    "airpods pro, 150, 112529",
    "macbook air, 700, 111422",
    "dji mini, 400, 179697",
    "gameboy, 80, 139971",
    "lego millennium falcon, 350, 19006"
  })
  void pricesWellKnownProductsNearWhatTheySellFor(String phrase, int typical, String category)
      throws Exception {
    BigDecimal median =
        median(body(search(token).param("q", phrase).param("category_ids", category)));

    assertThat(median.doubleValue()).isBetween(typical * 0.7, typical * 1.3);
  }

  @Test
  void keepsAPhrasesPricesWhereTheyAreFromDayToDay() throws Exception {
    BigDecimal today =
        median(body(search(token).param("q", "ps5").param("category_ids", "139971")));
    clock.advance(Duration.ofDays(1));
    BigDecimal tomorrow =
        median(body(search(token()).param("q", "ps5").param("category_ids", "139971")));

    assertThat(tomorrow.doubleValue())
        .isBetween(today.doubleValue() * 0.85, today.doubleValue() * 1.15);
  }

  @Test
  void pricesUnknownPhrasesSensiblyToo() throws Exception {
    BigDecimal median = median(body(search(token).param("q", "garden gnome")));

    assertThat(median.doubleValue()).isBetween(10.0, 900.0);
  }

  @ParameterizedTest
  @CsvSource({
    "nintendo switch oled, 139971",
    "iphone 13, 9355",
    "macbook air, 111422",
    "dji mini, 179697",
    "lego millennium falcon, 19006"
  })
  void listsATenthToAQuarterAccessoriesOutsideTheProductsCategory(String phrase, String category)
      throws Exception {
    String refined =
        body(
            search(token)
                .param("q", phrase)
                .param("filter", ALL_OPTIONS)
                .param("fieldgroups", "CATEGORY_REFINEMENTS"));
    int total = read(refined, "$.total");
    List<Integer> product =
        read(
            refined,
            "$.refinement.categoryDistributions[?(@.categoryId == '" + category + "')].matchCount");

    double accessoryShare = 1 - (double) product.get(0) / total;
    assertThat(accessoryShare).isBetween(0.08, 0.30);
  }

  @Test
  void pricesAccessoriesFarBelowTheProduct() throws Exception {
    List<Map<String, Object>> accessories =
        items(
            body(
                search(token)
                    .param("q", "nintendo switch oled")
                    .param("filter", "excludeCategoryIds:{139971}")));

    assertThat(accessories)
        .hasSizeGreaterThan(20)
        .allSatisfy(
            item -> {
              assertThat((String) item.get("title")).matches(ACCESSORY_TITLE);
              assertThat((List<String>) item.get("leafCategoryIds")).doesNotContain("139971");
            });
    assertThat(median(accessories).doubleValue()).isLessThan(300 * 0.25);
  }

  @Test
  void filesEachListingUnderALeafAndItsParents() throws Exception {
    List<Map<String, Object>> items = items(body(search(token).param("q", "iphone 13")));

    assertThat(items)
        .allSatisfy(
            item -> {
              List<Map<String, String>> categories =
                  (List<Map<String, String>>) item.get("categories");
              List<String> leaves = (List<String>) item.get("leafCategoryIds");
              assertThat(categories.get(0).get("categoryId")).isEqualTo(leaves.get(0));
              assertThat(categories)
                  .hasSizeGreaterThanOrEqualTo(2)
                  .allSatisfy(c -> assertThat(c.get("categoryId")).matches("[0-9]+"))
                  .anySatisfy(c -> assertThat(c).containsEntry("categoryId", "15032"));
            })
        .anySatisfy(
            item -> assertThat((List<String>) item.get("leafCategoryIds")).containsExactly("9355"))
        .anySatisfy(
            item -> assertThat((List<String>) item.get("leafCategoryIds")).doesNotContain("9355"));
  }

  @Test
  void searchesWithinACategoryAndItsChildren() throws Exception {
    int all = total(search(token).param("q", "nintendo switch oled"));
    String consoles =
        body(search(token).param("q", "nintendo switch oled").param("category_ids", "139971"));

    assertThat(items(consoles))
        .isNotEmpty()
        .allSatisfy(
            item ->
                assertThat((List<String>) item.get("leafCategoryIds")).containsExactly("139971"));
    assertThat((int) read(consoles, "$.total")).isLessThan(all);
    // Video Games & Consoles holds the consoles and their accessories alike.
    assertThat(
            total(search(token).param("q", "nintendo switch oled").param("category_ids", "1249")))
        .isEqualTo(all);
    assertThat(
            total(search(token).param("q", "nintendo switch oled").param("category_ids", "9355")))
        .isZero();
    assertThat(read(consoles, "$.href").toString()).contains("category_ids=139971");
  }

  @Test
  void leavesOutExcludedCategoriesAndTheirChildren() throws Exception {
    int all = total(search(token).param("q", "nintendo switch oled"));
    int consoles =
        total(search(token).param("q", "nintendo switch oled").param("category_ids", "139971"));

    assertThat(
            total(
                search(token)
                    .param("q", "nintendo switch oled")
                    .param("filter", "excludeCategoryIds:{139971}")))
        .isEqualTo(all - consoles);
    assertThat(
            total(
                search(token)
                    .param("q", "nintendo switch oled")
                    .param("filter", "excludeCategoryIds:{1249|9355}")))
        .isZero();
  }

  @Test
  void refinesByCategoryWithCountsThatAddUpToTheMatches() throws Exception {
    String refined =
        body(
            search(token)
                .param("q", "iphone 13")
                .param("filter", ALL_OPTIONS)
                .param("fieldgroups", "CATEGORY_REFINEMENTS"));

    int total = read(refined, "$.total");
    List<Integer> counts = read(refined, "$.refinement.categoryDistributions[*].matchCount");
    assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
    assertThat(counts).isSortedAccordingTo((a, b) -> b - a);
    assertThat(read(refined, "$.refinement.dominantCategoryId").toString()).isEqualTo("9355");
    assertThat(read(refined, "$.refinement.categoryDistributions[0].categoryName").toString())
        .isEqualTo("Cell Phones & Smartphones");
    assertThat(read(refined, "$.refinement.categoryDistributions[0].refinementHref").toString())
        .contains("category_ids=9355")
        .contains("offset=0");
    // Refinements alone, without MATCHING_ITEMS, come without items.
    assertThat(refined).doesNotContain("itemSummaries");

    String both =
        body(
            search(token)
                .param("q", "iphone 13")
                .param("filter", ALL_OPTIONS)
                .param("fieldgroups", "CATEGORY_REFINEMENTS,MATCHING_ITEMS"));
    assertThat(items(both)).hasSize(200);
    assertThat((List<Integer>) read(both, "$.refinement.categoryDistributions[*].matchCount"))
        .isEqualTo(counts);
  }

  @Test
  void refinesByConditionAndBuyingOptionWithFull() throws Exception {
    String full = body(search(token).param("q", "drone").param("fieldgroups", "FULL"));

    int total = read(full, "$.total");
    List<Integer> byCondition = read(full, "$.refinement.conditionDistributions[*].matchCount");
    assertThat(byCondition.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
    assertThat((List<String>) read(full, "$.refinement.buyingOptionDistributions[*].buyingOption"))
        .contains("FIXED_PRICE");
    assertThat((List<?>) read(full, "$.refinement.categoryDistributions")).isNotEmpty();
    assertThat(items(full)).isNotEmpty();
  }

  @Test
  void warnsAboutFieldgroupsAndCategoryIdsItCannotUse() throws Exception {
    String answer =
        body(
            search(token)
                .param("q", "drone")
                .param("fieldgroups", "EVERYTHING")
                .param("category_ids", "drones"));

    assertThat((List<Integer>) read(answer, "$.warnings[*].errorId"))
        .containsExactlyInAnyOrder(12009, 12016);
    assertThat(items(answer)).isNotEmpty();
  }

  private int total(MockHttpServletRequestBuilder search) throws Exception {
    return read(body(search), "$.total");
  }

  private static BigDecimal median(String body) {
    return median(items(body));
  }

  private static BigDecimal median(List<Map<String, Object>> items) {
    List<BigDecimal> prices =
        items.stream()
            .map(item -> new BigDecimal(((Map<String, String>) item.get("price")).get("value")))
            .sorted()
            .toList();
    return prices.get(prices.size() / 2);
  }

  @Override
  protected MockHttpServletRequestBuilder search(String token) {
    return super.search(token).param("limit", "200");
  }
}
