package dev.ebayalerts.ebay.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EbaySearchLinksRejectionTests {

  static Stream<Arguments> hostileLinks() {
    return Stream.of(
        arguments("https://www.ebay.com.evil.example/sch/i.html?_nkw=lego", "not a link to eBay"),
        arguments("https://evil.example/ebay.com/sch/i.html?_nkw=lego", "not a link to eBay"),
        arguments("https://evil.example/?u=https://www.ebay.com/sch/i.html", "not a link to eBay"),
        arguments("https://wwwebay.com/sch/i.html?_nkw=lego", "not a link to eBay"),
        arguments("https://www.ebay.com@evil.example/sch/i.html?_nkw=lego", "user name"),
        arguments("https://user:secret@www.ebay.com/sch/i.html?_nkw=lego", "user name"),
        arguments("https://evil.example\\@www.ebay.com/sch/i.html?_nkw=lego", "user name"),
        arguments("https://www.ebay.com\\.evil.example/sch/i.html?_nkw=lego", "not a valid"),
        arguments("https://www.ebay.com:8443/sch/i.html?_nkw=lego", "port"),
        arguments("javascript:alert(document.cookie)//www.ebay.com/sch/i.html", "web links"),
        arguments("JavaScript://www.ebay.com/sch/i.html?_nkw=%0Aalert(1)", "web links"),
        arguments("data:text/html,<script>alert(1)</script>", "web links"),
        arguments("ftp://www.ebay.com/sch/i.html?_nkw=lego", "web links"),
        arguments("file:///etc/passwd", "web links"),
        arguments("https://www.eb\u0430y.com/sch/i.html?_nkw=lego", "not a valid"),
        arguments("https://www.ebay.com/sch/i.html?_nkw=%zz", "not a valid"),
        arguments("https:///sch/i.html?_nkw=lego", "not a valid"),
        arguments("https://www.ebay.com/sch/i.html?_nkw=lego\u0000", "not a valid"));
  }

  @ParameterizedTest
  @MethodSource("hostileLinks")
  void refusesHostileLinks(String url, String messageMentions) {
    assertThatExceptionOfType(InvalidSearchLink.class)
        .isThrownBy(() -> EbaySearchLinks.parse(url))
        .withMessageContaining(messageMentions);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.ebay.com.hk/sch/i.html?_nkw=lego",
        "https://www.ebay.at/sch/i.html?_nkw=lego",
        "https://www.ebay.ie/sch/i.html?_nkw=lego",
        "https://www.benl.ebay.be/sch/i.html?_nkw=lego",
        "https://cafr.ebay.ca/sch/i.html?_nkw=lego"
      })
  void namesTheSupportedSitesWhenTheSiteIsNotOne(String url) {
    assertThatExceptionOfType(InvalidSearchLink.class)
        .isThrownBy(() -> EbaySearchLinks.parse(url))
        .withMessageContaining("is not supported")
        .withMessageContaining(
            "ebay.com, ebay.co.uk, ebay.de, ebay.fr, ebay.it, ebay.es, ebay.ca, ebay.com.au");
  }

  @Test
  void namesTheUnsupportedSite() {
    assertThatExceptionOfType(InvalidSearchLink.class)
        .isThrownBy(() -> EbaySearchLinks.parse("https://www.ebay.at/sch/i.html?_nkw=lego"))
        .withMessageStartingWith("ebay.at is not supported");
  }

  @Test
  void asksToOpenShortenedLinksFirst() {
    assertThatExceptionOfType(InvalidSearchLink.class)
        .isThrownBy(() -> EbaySearchLinks.parse("https://ebay.us/m/aBc123"))
        .withMessageContaining("shortened");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.ebay.com/itm/325678901234",
        "https://www.ebay.com/b/Cell-Phones-Smartphones/9355/bn_320094",
        "https://www.ebay.com/",
        "https://www.ebay.com/sch/i.htmlx?_nkw=lego",
        "https://www.ebay.com/sch/../itm/i.html?_nkw=lego",
        "https://www.ebay.com/usr/some_seller"
      })
  void refusesEbayPagesThatAreNotSearches(String url) {
    assertThatExceptionOfType(InvalidSearchLink.class)
        .isThrownBy(() -> EbaySearchLinks.parse(url))
        .withMessageContaining("not a search");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.ebay.com/sch/i.html?_from=R40&_sacat=0&rt=nc",
        "https://www.ebay.com/sch/i.html?_nkw=&_sacat=0",
        "https://www.ebay.com/sch/i.html?_nkw=+++",
        "https://www.ebay.com/sch/i.html?_nkw=-broken+-parts&LH_BIN=1",
        "https://www.ebay.com/sch/i.html?_ssn=some_seller",
        "https://www.ebay.com/sch/i.html"
      })
  void refusesSearchesWithoutKeywordsOrCategory(String url) {
    assertThatExceptionOfType(InvalidSearchLink.class)
        .isThrownBy(() -> EbaySearchLinks.parse(url))
        .withMessageContaining("neither keywords nor a category");
  }

  @Test
  void refusesHugeLinks() {
    String url = "https://www.ebay.com/sch/i.html?_nkw=" + "a".repeat(4_000);

    assertThatExceptionOfType(InvalidSearchLink.class)
        .isThrownBy(() -> EbaySearchLinks.parse(url))
        .withMessageContaining("4,037 characters")
        .withMessageContaining("at most 4,000");
  }

  @Test
  void readsLinksUpToTheLimit() {
    String prefix = "https://www.ebay.com/sch/i.html?_nkw=";
    String url = prefix + "a".repeat(EbaySearchLinks.MAX_LENGTH - prefix.length());

    assertThat(EbaySearchLinks.parse(url).search().phrase())
        .hasSize(EbaySearchLinks.MAX_LENGTH - prefix.length());
  }

  @Test
  void refusesLinksWithTooManyParameters() {
    String url =
        "https://www.ebay.com/sch/i.html?_nkw=lego&"
            + IntStream.range(0, 100)
                .mapToObj(i -> "p" + i + "=1")
                .collect(Collectors.joining("&"));

    assertThatExceptionOfType(InvalidSearchLink.class)
        .isThrownBy(() -> EbaySearchLinks.parse(url))
        .withMessageContaining("101 parameters");
  }

  /**
   * Whatever is pasted, the answer is a search or {@link InvalidSearchLink}, never another
   * exception, and a search read from a link survives being written back as one.
   */
  @Test
  void answersAnyMangledLinkWithASearchOrAReason() {
    List<String> seeds =
        EbaySearchLinksTests.realLinks().map(arguments -> (String) arguments.get()[1]).toList();
    String alphabet = "%&=|,-\"()[]\\@:/#?+ .0123456789aZ_é\u0000\t日";
    List<String> parameters =
        List.of(
            "&_sasl=,",
            "&_sasl=a,,b",
            "&_saslop=2",
            "&_ssn=a,b",
            "&_udlo=1,2,3",
            "&_udhi=.",
            "&_udlo=99999999999999999999",
            "&LH_ItemCondition=|",
            "&LH_ItemCondition=99999999",
            "&_sacat=000",
            "&_sacat=99999999999999999999",
            "&LH_LocatedIn=1",
            "&_salic=77",
            "&LH_PrefLoc=99",
            "&_fspt=1",
            "&_nkw=-",
            "&_nkw=%22",
            "&_nkw=-(",
            "&_nkw=-%22%22",
            "&_ex_kw=,,",
            "&_fsradio=%26%26=",
            "&_fsradio2==x",
            "&=",
            "&%3D=%26",
            "&_sop=");
    Random random = new Random(42);
    int searches = 0;
    for (int i = 0; i < 3_000; i++) {
      StringBuilder url = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
      for (int edits = random.nextInt(4); edits > 0; edits--) {
        if (random.nextBoolean()) {
          url.append(parameters.get(random.nextInt(parameters.size())));
        } else {
          int at = random.nextInt(url.length());
          char c = alphabet.charAt(random.nextInt(alphabet.length()));
          if (random.nextBoolean()) {
            url.setCharAt(at, c);
          } else {
            url.insert(at, c);
          }
        }
      }
      ParsedSearch parsed;
      try {
        parsed = EbaySearchLinks.parse(url.toString());
      } catch (InvalidSearchLink refused) {
        assertThat(refused.getMessage()).as(url.toString()).isNotBlank();
        continue;
      }
      searches++;
      SearchLink search = parsed.search();
      assertThat(EbaySearchLinks.parse(EbaySearchLinks.toUrl(search).toString()).search())
          .as(url.toString())
          .isEqualTo(search);
    }
    assertThat(searches).isGreaterThan(750);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n"})
  void asksForALinkWhenGivenNothing(String url) {
    assertThatExceptionOfType(InvalidSearchLink.class)
        .isThrownBy(() -> EbaySearchLinks.parse(url))
        .withMessageContaining("Paste the address of an eBay search page");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lego star wars", "not a url at all", "https://", "http://[::1"})
  void refusesTextThatIsNoLink(String text) {
    assertThatExceptionOfType(InvalidSearchLink.class)
        .isThrownBy(() -> EbaySearchLinks.parse(text));
  }
}
