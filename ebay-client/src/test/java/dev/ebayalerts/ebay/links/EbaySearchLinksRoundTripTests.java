package dev.ebayalerts.ebay.links;

import static dev.ebayalerts.ebay.Marketplace.EBAY_AU;
import static dev.ebayalerts.ebay.Marketplace.EBAY_CA;
import static dev.ebayalerts.ebay.Marketplace.EBAY_DE;
import static dev.ebayalerts.ebay.Marketplace.EBAY_FR;
import static dev.ebayalerts.ebay.Marketplace.EBAY_GB;
import static dev.ebayalerts.ebay.Marketplace.EBAY_US;
import static dev.ebayalerts.ebay.links.Searches.search;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.ebay.Marketplace;
import dev.ebayalerts.ebay.links.SearchLink.Condition;
import dev.ebayalerts.ebay.links.SearchLink.Format;
import dev.ebayalerts.ebay.links.SearchLink.Sort;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EbaySearchLinksRoundTripTests {

  private static final List<String> WORDS =
      List.of(
          "lego",
          "Star",
          "wars",
          "größe",
          "café",
          "c++",
          "50%",
          "a&b",
          "x=y",
          "#1",
          "what?",
          "\"exact phrase\"",
          "(red,blue)",
          "lego*",
          "1/2",
          "naïve",
          "日本",
          "\"unclosed",
          "(open",
          "close)",
          "a\"b");
  private static final List<String> EXCLUSIONS =
      List.of("broken", "box only", "défaut", "x-ray", "a,b", "(spares", "repair?", "100%");
  private static final List<String> SELLERS =
      List.of("top_seller", "shop.de", "x-y-z", "vintage123", "A*Trader");
  private static final List<String> COUNTRIES =
      List.of("US", "GB", "DE", "FR", "IT", "ES", "CA", "AU");

  @Test
  void writesACleanLinkOnTheMarketplacesHost() {
    SearchLink search =
        search(EBAY_DE, "thinkpad x1")
            .excluding("defekt", "ohne akku")
            .category("177")
            .price("12.50", "300")
            .condition(Condition.NEW)
            .format(Format.AUCTION)
            .freeShipping()
            .locatedIn("DE")
            .sort(Sort.NEWLY_LISTED)
            .build();

    assertThat(EbaySearchLinks.toUrl(search))
        .hasToString(
            "https://www.ebay.de/sch/i.html?_nkw=thinkpad+x1+-defekt+-%22ohne+akku%22"
                + "&_sacat=177&_udlo=12%2C50&_udhi=300&LH_ItemCondition=1000%7C1500%7C1750"
                + "&LH_Auction=1&LH_FS=1&LH_PrefLoc=1&_sop=10");
  }

  @Test
  void leavesTrackingAndPagingOutOfTheLinkItWritesBack() {
    ParsedSearch parsed =
        EbaySearchLinks.parse(
            "https://www.ebay.com/sch/i.html?_from=R40&_trksid=p2334524.m570.l1313"
                + "&_nkw=nintendo+switch+oled&_sacat=0&rt=nc&_sop=10&_ipg=240&_pgn=3");

    assertThat(EbaySearchLinks.toUrl(parsed.search()))
        .isEqualTo(URI.create("https://www.ebay.com/sch/i.html?_nkw=nintendo+switch+oled&_sop=10"));
  }

  static Stream<SearchLink> searches() {
    return Stream.of(
        search(EBAY_US, "nintendo switch oled").build(),
        search(EBAY_GB, "\"lego millennium falcon\" 75192")
            .excluding("instructions", "box only")
            .category("19006")
            .locatedIn("GB")
            .build(),
        search(EBAY_FR, "")
            .category("31387")
            .price(null, "80")
            .condition(Condition.USED)
            .sort(Sort.ENDING_SOONEST)
            .build(),
        search(EBAY_AU, "rm williams")
            .sellers("rmwilliams_outlet", "bootbarn_au")
            .format(Format.BEST_OFFER)
            .returnsAccepted()
            .locatedIn("US")
            .sort(Sort.PRICE_PLUS_SHIPPING_HIGHEST)
            .build(),
        search(EBAY_CA, "hockey cards (1979,1980)")
            .sellers("cards_ca")
            .price("0", "0")
            .format(Format.BUY_IT_NOW)
            .sort(Sort.PRICE_PLUS_SHIPPING_LOWEST)
            .build(),
        search(EBAY_DE, "größe 42 café&co")
            .excluding("défaut")
            .price("1.500", "1500")
            .locatedIn("FR")
            .build(),
        search(EBAY_US, "lego").price("1.500", "1500").build(),
        search(EBAY_GB, "\"lego star wars").excluding("box only", "broken").build(),
        search(EBAY_GB, "lego (star wars").excluding("(spares", "repair").build());
  }

  @ParameterizedTest
  @MethodSource("searches")
  void readsBackEverySearchItWrites(SearchLink search) {
    ParsedSearch parsed = EbaySearchLinks.parse(EbaySearchLinks.toUrl(search).toString());

    assertThat(parsed.search()).isEqualTo(search);
    assertThat(parsed.unsupported()).isEmpty();
  }

  @Test
  void readsBackRandomSearches() {
    Random random = new Random(20240613L);
    for (int i = 0; i < 2_000; i++) {
      SearchLink search = randomSearch(random);
      URI url = EbaySearchLinks.toUrl(search);

      ParsedSearch parsed = EbaySearchLinks.parse(url.toString());

      assertThat(parsed.search()).as("%s from %s", url, search).isEqualTo(search);
      assertThat(parsed.unsupported()).as(url.toString()).isEmpty();
      assertThat(url.getHost()).isEqualTo(search.marketplace().host());
      assertThat(EbaySearchLinks.toUrlString(search)).isEqualTo(url.toString());
    }
  }

  @Test
  void opensSeveralCategoriesAsAllCategories() {
    SearchLink search = search(EBAY_US, "lego").category("19006", "220").build();

    assertThat(EbaySearchLinks.toUrl(search))
        .isEqualTo(URI.create("https://www.ebay.com/sch/i.html?_nkw=lego"));
  }

  @Test
  void opensACountryEbayHasNoIdForHereAsEverywhere() {
    SearchLink search = search(EBAY_US, "lego").locatedIn("JP").build();

    assertThat(EbaySearchLinks.toUrl(search))
        .isEqualTo(URI.create("https://www.ebay.com/sch/i.html?_nkw=lego"));
  }

  private static SearchLink randomSearch(Random random) {
    Marketplace marketplace = pick(random, List.of(Marketplace.values()));
    List<String> phrase = new ArrayList<>();
    for (int words = random.nextInt(4); words > 0; words--) {
      phrase.add(pick(random, WORDS));
    }
    Searches search = search(marketplace, String.join(" ", phrase));
    search.excluding(some(random, EXCLUSIONS, 3).toArray(String[]::new));
    if (phrase.isEmpty() || random.nextBoolean()) {
      search.category(String.valueOf(1 + random.nextInt(999_999)));
    }
    BigDecimal min = random.nextBoolean() ? null : price(random);
    BigDecimal max = random.nextBoolean() ? null : price(random);
    if (min != null && max != null && min.compareTo(max) > 0) {
      BigDecimal swap = min;
      min = max;
      max = swap;
    }
    search.price(
        min == null ? null : min.toPlainString(), max == null ? null : max.toPlainString());
    search.condition(pickOrNull(random, Condition.values()));
    search.format(pickOrNull(random, Format.values()));
    if (random.nextBoolean()) {
      search.freeShipping();
    }
    if (random.nextBoolean()) {
      search.returnsAccepted();
    }
    int location = random.nextInt(3);
    search.locatedIn(
        location == 0 ? null : location == 1 ? marketplace.country() : pick(random, COUNTRIES));
    search.sort(pickOrNull(random, Sort.values()));
    search.sellers(some(random, SELLERS, 3).toArray(String[]::new));
    return search.build();
  }

  private static BigDecimal price(Random random) {
    return BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(3));
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static <T> T pickOrNull(Random random, T[] values) {
    int index = random.nextInt(values.length + 1);
    return index == values.length ? null : values[index];
  }

  private static List<String> some(Random random, List<String> values, int most) {
    List<String> picked = new ArrayList<>();
    for (int count = random.nextInt(most + 1); count > 0; count--) {
      picked.add(pick(random, values));
    }
    return picked;
  }
}
