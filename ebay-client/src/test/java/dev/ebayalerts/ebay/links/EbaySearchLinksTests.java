package dev.ebayalerts.ebay.links;

import static dev.ebayalerts.ebay.Marketplace.EBAY_AU;
import static dev.ebayalerts.ebay.Marketplace.EBAY_CA;
import static dev.ebayalerts.ebay.Marketplace.EBAY_DE;
import static dev.ebayalerts.ebay.Marketplace.EBAY_ES;
import static dev.ebayalerts.ebay.Marketplace.EBAY_FR;
import static dev.ebayalerts.ebay.Marketplace.EBAY_GB;
import static dev.ebayalerts.ebay.Marketplace.EBAY_IT;
import static dev.ebayalerts.ebay.Marketplace.EBAY_US;
import static dev.ebayalerts.ebay.links.Searches.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ebayalerts.ebay.Marketplace;
import dev.ebayalerts.ebay.links.SearchLink.Condition;
import dev.ebayalerts.ebay.links.SearchLink.Format;
import dev.ebayalerts.ebay.links.SearchLink.Sort;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EbaySearchLinksTests {

  /** An unsupported parameter the user must be told about, with a fragment of the reason. */
  record Told(String parameter, String value, String reasonMentions) {}

  static Told told(String parameter, String value, String reasonMentions) {
    return new Told(parameter, value, reasonMentions);
  }

  static Stream<Arguments> realLinks() {
    return Stream.of(
        arguments(
            "US: tracking, paging and the previous search are dropped",
            "https://www.ebay.com/sch/i.html?_from=R40&_trksid=p2334524.m570.l1313"
                + "&_nkw=nintendo+switch+oled&_sacat=0&rt=nc&_odkw=nintendo+switch&_osacat=0"
                + "&_sop=10&_ipg=240",
            search(EBAY_US, "nintendo switch oled").sort(Sort.NEWLY_LISTED),
            List.of()),
        arguments(
            "US: category path, price range, Buy It Now, free shipping, used, exclusions",
            "https://www.ebay.com/sch/Cell-Phones-Smartphones/9355/i.html"
                + "?_nkw=iphone+13+pro+-cracked+-icloud&_udlo=200&_udhi=450&LH_BIN=1&LH_FS=1"
                + "&LH_ItemCondition=3000&_sop=15&_dcat=9355&rt=nc&_pgn=2",
            search(EBAY_US, "iphone 13 pro")
                .excluding("cracked", "icloud")
                .category("9355")
                .price("200", "450")
                .condition(Condition.USED)
                .format(Format.BUY_IT_NOW)
                .freeShipping()
                .sort(Sort.PRICE_PLUS_SHIPPING_LOWEST),
            List.of()),
        arguments(
            "UK: a quoted phrase, an excluded phrase, UK sellers only",
            "https://www.ebay.co.uk/sch/i.html"
                + "?_nkw=%22lego+millennium+falcon%22+75192+-instructions+-%22box+only%22"
                + "&_sacat=19006&LH_PrefLoc=1&_odkw=lego+falcon&_osacat=0&_from=R40"
                + "&_trksid=p2045573.m570.l1313",
            search(EBAY_GB, "\"lego millennium falcon\" 75192")
                .excluding("instructions", "box only")
                .category("19006")
                .locatedIn("GB"),
            List.of()),
        arguments(
            "DE: decimal comma, thousands dot, new with open box, auction, ending soonest",
            "https://www.ebay.de/sch/i.html?_nkw=thinkpad+x1+carbon&_sacat=0&_udlo=12%2C50"
                + "&_udhi=1.250,00&LH_ItemCondition=1000%7C1500&LH_Auction=1&_sop=1&mkcid=1"
                + "&mkrid=707-53477-19255-0",
            search(EBAY_DE, "thinkpad x1 carbon")
                .price("12.50", "1250.00")
                .condition(Condition.NEW)
                .format(Format.AUCTION)
                .sort(Sort.ENDING_SOONEST),
            List.of()),
        arguments(
            "FR: conditions of several groups, with | as the address bar shows it, Best Offer",
            "https://www.ebay.fr/sch/i.html?_nkw=appareil+photo+argentique"
                + "&LH_ItemCondition=1000|3000|7000&_udhi=150,5&LH_BO=1&_ipg=240&_pgn=2&rt=nc",
            search(EBAY_FR, "appareil photo argentique")
                .price(null, "150.5")
                .format(Format.BEST_OFFER),
            List.of(told("LH_ItemCondition", "1000|3000|7000", "new, used, for parts"))),
        arguments(
            "IT: sold and completed listings cannot be watched",
            "https://www.ebay.it/sch/i.html?_from=R40&_nkw=rolex+submariner&_sacat=0"
                + "&LH_Sold=1&LH_Complete=1&_sop=16&rt=nc",
            search(EBAY_IT, "rolex submariner").sort(Sort.PRICE_PLUS_SHIPPING_HIGHEST),
            List.of(
                told("LH_Sold", "1", "still for sale"),
                told("LH_Complete", "1", "still for sale"))),
        arguments(
            "ES: category path with item specifics filters",
            "https://www.ebay.es/sch/Consolas/139971/i.html?_nkw=playstation+5&Marca=Sony"
                + "&Color=Blanco&LH_FS=1&_dcat=139971&mkcid=1&mkrid=1185-53479-19255-0"
                + "&hash=item3f5a2b1c9d",
            search(EBAY_ES, "playstation 5").category("139971").freeShipping(),
            List.of(
                told("Marca", "Sony", "item specifics"),
                told("Color", "Blanco", "item specifics"))),
        arguments(
            "CA: one seller, returns accepted, best match spelled out",
            "https://www.ebay.ca/sch/i.html?_ssn=vintage_cameras_ca&_nkw=leica+m6"
                + "&LH_ReturnsAccepted=1&_sop=12&_trksid=p4429486.m3561.l161211",
            search(EBAY_CA, "leica m6")
                .sellers("vintage_cameras_ca")
                .returnsAccepted()
                .sort(Sort.BEST_MATCH),
            List.of()),
        arguments(
            "AU: items located in the US",
            "https://www.ebay.com.au/sch/i.html?_nkw=fender+stratocaster&_sacat=0"
                + "&LH_LocatedIn=1&_salic=1&_sop=10&rt=nc",
            search(EBAY_AU, "fender stratocaster").locatedIn("US").sort(Sort.NEWLY_LISTED),
            List.of()),
        arguments(
            "US: eBay's old advanced search form with its empty and default fields",
            "https://www.ebay.com/sch/i.html?_from=R40&_nkw=surface+book+2&_in_kw=1"
                + "&_ex_kw=case+keyboard%2C+charger&_sacat=0&_udlo=&_udhi=&_samilow=&_samihi="
                + "&_sadis=15&_stpos=98106&_sargn=-1%26saslc%3D1&_salic=1&_sop=12&_dmd=1"
                + "&_ipg=50&_fosrp=1",
            search(EBAY_US, "surface book 2")
                .excluding("case", "keyboard", "charger")
                .sort(Sort.BEST_MATCH),
            List.of(told("_stpos", "98106", "delivered"))),
        arguments(
            "UK: within a distance of a postcode; auctions and Buy It Now together are any format",
            "https://www.ebay.co.uk/sch/Bikes/177831/i.html?_nkw=road+bike&_stpos=SW1A1AA"
                + "&_sadis=25&LH_PrefLoc=99&_fspt=1&LH_Auction=1&LH_BIN=1&_sop=10",
            search(EBAY_GB, "road bike").category("177831").sort(Sort.NEWLY_LISTED),
            List.of(told("LH_PrefLoc", "99", "within 25 miles of postcode SW1A1AA"))),
        arguments(
            "DE: an either-or group, descriptions, a region and a seller type",
            "https://www.ebay.de/sch/i.html?_nkw=zeiss+objektiv+(contax,yashica)"
                + "&LH_TitleDesc=1&LH_PrefLoc=3&LH_SellerType=1&_sop=10",
            search(EBAY_DE, "zeiss objektiv (contax,yashica)").sort(Sort.NEWLY_LISTED),
            List.of(
                told("LH_TitleDesc", "1", "description"),
                told("LH_PrefLoc", "3", "region"),
                told("LH_SellerType", "1", "private or business"))),
        arguments(
            "FR: a whole category without keywords, every grade of used",
            "https://www.ebay.fr/sch/Montres-bracelet/31387/i.html?_sop=10"
                + "&LH_ItemCondition=3000%7C4000%7C5000&_udhi=80",
            search(EBAY_FR, "")
                .category("31387")
                .price(null, "80")
                .condition(Condition.USED)
                .sort(Sort.NEWLY_LISTED),
            List.of()),
        arguments(
            "IT: %20 spaces, an excluded group, Italian sellers only",
            "https://www.ebay.it/sch/i.html?_nkw=vespa%20px%20125%20-(ricambi,manuale)"
                + "&_sacat=0&LH_PrefLoc=1&_trksid=p2380057.m570.l1313",
            search(EBAY_IT, "vespa px 125").excluding("ricambi", "manuale").locatedIn("IT"),
            List.of()),
        arguments(
            "ES: refurbished only; Buy It Now with Best Offer is Buy It Now",
            "https://www.ebay.es/sch/i.html?_nkw=iphone+12&LH_ItemCondition=2000%7C2010%7C2020"
                + "&LH_BIN=1&LH_BO=1&_udlo=150%2C00&_from=R40",
            search(EBAY_ES, "iphone 12").price("150.00", null).format(Format.BUY_IT_NOW),
            List.of(told("LH_ItemCondition", "2000|2010|2020", "refurbished"))),
        arguments(
            "CA: nearest first, lots only, a delivery postcode",
            "https://www.ebay.ca/sch/i.html?_nkw=hockey+cards&_sop=7&LH_Lots=1&LH_Auction=1"
                + "&_stpos=M5V2T6",
            search(EBAY_CA, "hockey cards").format(Format.AUCTION),
            List.of(
                told("_sop", "7", "best match"),
                told("LH_Lots", "1", "lots"),
                told("_stpos", "M5V2T6", "delivered"))),
        arguments(
            "AU: several sellers from the advanced search, wrapped in a radio button",
            "https://www.ebay.com.au/sch/i.html?_nkw=rm+williams+boots&_fss=1"
                + "&_fsradio=%26LH_SpecificSeller%3D1&_saslop=1"
                + "&_sasl=rmwilliams_outlet%2Cbootbarn_au&LH_FS=1&_sacat=0",
            search(EBAY_AU, "rm williams boots")
                .sellers("rmwilliams_outlet", "bootbarn_au")
                .freeShipping(),
            List.of()),
        arguments(
            "US: item specifics eBay encodes twice, exact word order",
            "https://www.ebay.com/sch/Cell-Phones-Smartphones/9355/i.html?_nkw=galaxy+s23"
                + "&_in_kw=3&LH_ItemCondition=1000&Storage%2520Capacity=256%2520GB"
                + "&Brand=Samsung&_dcat=9355",
            search(EBAY_US, "galaxy s23").category("9355").condition(Condition.NEW),
            List.of(
                told("_in_kw", "3", "exact order"),
                told("Storage Capacity", "256 GB", "item specifics"),
                told("Brand", "Samsung", "item specifics"))),
        arguments(
            "UK: items located in Germany, from the old form's location radio button",
            "https://www.ebay.co.uk/sch/i.html?_nkw=leica+summicron"
                + "&_fsradio2=%26LH_LocatedIn%3D1&_salic=77&LH_BIN=1&_sop=15",
            search(EBAY_GB, "leica summicron")
                .locatedIn("DE")
                .format(Format.BUY_IT_NOW)
                .sort(Sort.PRICE_PLUS_SHIPPING_LOWEST),
            List.of()),
        arguments(
            "DE: mobile site, an old condition code, excluded sellers",
            "https://m.ebay.de/sch/i.html?_nkw=carrera+bahn&LH_ItemCondition=3"
                + "&_sasl=spielwaren_mueller&_saslop=2&_fss=1",
            search(EBAY_DE, "carrera bahn"),
            List.of(
                told("LH_ItemCondition", "3", "unknown"),
                told("_sasl", "spielwaren_mueller", "excludes"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realLinks")
  void mapsRealEbayLinks(String description, String url, Searches expected, List<Told> told) {
    ParsedSearch parsed = EbaySearchLinks.parse(url);

    assertThat(parsed.search()).isEqualTo(expected.build());
    assertThat(parsed.unsupported())
        .extracting(Unsupported::parameter, Unsupported::value)
        .containsExactlyElementsOf(
            told.stream()
                .map(t -> org.assertj.core.groups.Tuple.tuple(t.parameter(), t.value()))
                .toList());
    for (int i = 0; i < told.size(); i++) {
      assertThat(parsed.unsupported().get(i).reason()).contains(told.get(i).reasonMentions());
    }
  }

  @Test
  void readsEverySupportedSite() {
    for (Marketplace marketplace : Marketplace.values()) {
      String url = "https://" + marketplace.host() + "/sch/i.html?_nkw=lego";

      assertThat(EbaySearchLinks.parse(url).search().marketplace()).isEqualTo(marketplace);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " -> ",
      value = {
        "www.ebay.co.uk/sch/i.html?_nkw=lego -> EBAY_GB",
        "ebay.de/sch/i.html?_nkw=lego -> EBAY_DE",
        "//www.ebay.fr/sch/i.html?_nkw=lego -> EBAY_FR",
        "HTTPS://WWW.EBAY.COM.AU/sch/i.html?_nkw=lego -> EBAY_AU",
        "http://www.ebay.ca./sch/i.html?_nkw=lego -> EBAY_CA",
        "https://www.ebay.it:443/sch/i.html?_nkw=lego -> EBAY_IT",
        "  https://m.ebay.es/sch/i.html?_nkw=lego#item123  -> EBAY_ES"
      })
  void readsLinksAsPeoplePasteThem(String url, Marketplace marketplace) {
    assertThat(EbaySearchLinks.parse(url).search().marketplace()).isEqualTo(marketplace);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " -> ",
      value = {
        "EBAY_US 12.50 -> 12.50",
        "EBAY_US 1,500 -> 1500",
        "EBAY_US 1,234.56 -> 1234.56",
        "EBAY_US 12,5 -> 12.5",
        "EBAY_DE 12,50 -> 12.50",
        "EBAY_DE 12.50 -> 12.50",
        "EBAY_DE 1.500 -> 1500",
        "EBAY_DE 1.234,56 -> 1234.56",
        "EBAY_FR 1 234,56 -> 1234.56",
        "EBAY_GB 0 -> 0"
      })
  void readsPricesAsEachSiteWritesThem(String given, BigDecimal expected) {
    String[] siteAndPrice = given.split(" ", 2);
    Marketplace marketplace = Marketplace.valueOf(siteAndPrice[0]);
    String url =
        "https://"
            + marketplace.host()
            + "/sch/i.html?_nkw=lego&_udlo="
            + java.net.URLEncoder.encode(siteAndPrice[1], java.nio.charset.StandardCharsets.UTF_8);

    assertThat(EbaySearchLinks.parse(url).search().minPrice()).isEqualTo(expected);
  }

  @Test
  void reportsWhatCannotBeAPriceAndKeepsTheRest() {
    ParsedSearch parsed =
        EbaySearchLinks.parse("https://www.ebay.com/sch/i.html?_nkw=lego&_udlo=ten&_udhi=-5");

    assertThat(parsed.search().minPrice()).isNull();
    assertThat(parsed.search().maxPrice()).isNull();
    assertThat(parsed.unsupported())
        .extracting(Unsupported::parameter)
        .containsExactly("_udlo", "_udhi");
  }

  @Test
  void dropsAnInvertedPriceRangeAndSaysSo() {
    ParsedSearch parsed =
        EbaySearchLinks.parse("https://www.ebay.com/sch/i.html?_nkw=lego&_udlo=500&_udhi=100");

    assertThat(parsed.search().minPrice()).isNull();
    assertThat(parsed.search().maxPrice()).isNull();
    assertThat(parsed.unsupported())
        .singleElement()
        .satisfies(u -> assertThat(u.reason()).contains("below the lowest price, 500"));
  }

  @Test
  void usesTheFirstOfARepeatedParameterAndReportsTheOthers() {
    ParsedSearch parsed =
        EbaySearchLinks.parse(
            "https://www.ebay.com/sch/i.html?_nkw=lego&_sop=10&_sop=15&_from=R40&_from=R41");

    assertThat(parsed.search().sort()).isEqualTo(Sort.NEWLY_LISTED);
    assertThat(parsed.unsupported())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.parameter()).isEqualTo("_sop");
              assertThat(u.value()).isEqualTo("15");
            });
  }

  @Test
  void searchesThePathCategoryWhenTheLinkNamesTwo() {
    ParsedSearch parsed =
        EbaySearchLinks.parse("https://www.ebay.com/sch/Lego/19006/i.html?_nkw=lego&_sacat=220");

    assertThat(parsed.search().categoryIds()).containsExactly("19006");
    assertThat(parsed.unsupported()).extracting(Unsupported::value).containsExactly("220");
  }

  @Test
  void reportsFiltersItDoesNotKnowRatherThanDroppingThem() {
    ParsedSearch parsed =
        EbaySearchLinks.parse(
            "https://www.ebay.com/sch/i.html?_nkw=lego&LH_NewFilter=1&_newoption=x&epid=123"
                + "&LH_Lots=0&LH_TitleDesc=0&utm_source=newsletter&_fsradio=LH_Other");

    assertThat(parsed.unsupported())
        .extracting(Unsupported::parameter)
        .containsExactly("LH_NewFilter", "_newoption", "epid", "_fsradio");
  }

  @Test
  void readsAnUnclosedQuoteOrBracketAsAnOrdinaryCharacter() {
    ParsedSearch parsed =
        EbaySearchLinks.parse("https://www.ebay.com/sch/i.html?_nkw=lego+(star+%22wars+-broken");

    assertThat(parsed.search().phrase()).isEqualTo("lego (star \"wars");
    assertThat(parsed.search().excludedWords()).containsExactly("broken");
  }

  @Test
  void treatsAnExcludedWordlessPhraseAsAPhrase() {
    ParsedSearch parsed =
        EbaySearchLinks.parse("https://www.ebay.com/sch/i.html?_nkw=usb+-+c+cable+-(a,+b)");

    assertThat(parsed.search().phrase()).isEqualTo("usb - c cable");
    assertThat(parsed.search().excludedWords()).containsExactly("a", "b");
  }
}
