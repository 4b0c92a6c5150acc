package dev.ebayalerts.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.digest.DigestRenderer.Rendered;
import dev.ebayalerts.pubsub.links.LinkSettings;
import dev.ebayalerts.pubsub.links.UnsubscribeLinks;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;

/**
 * A hand-made digest with known figures, rendered with the service's own Thymeleaf settings: the
 * figures, links and charts are there.
 */
@SpringBootTest(classes = DigestRenderer.class, webEnvironment = WebEnvironment.NONE)
@ImportAutoConfiguration(ThymeleafAutoConfiguration.class)
class DigestRenderingTests {

  @Autowired DigestRenderer renderer;
  final UnsubscribeLinks links =
      new UnsubscribeLinks(
          new LinkSettings("https://alerts.example.com", DigestFixtures.LINK_SECRET));

  @Test
  void showsEveryAlertsFiguresInHtmlAndText() {
    Rendered email = renderer.render(DigestFixtures.threeAlerts(), links::urlFor);

    assertThat(email.subject()).isEqualTo("Price insights for your 3 eBay searches");
    for (String body : List.of(email.html(), email.text())) {
      assertThat(body)
          .contains("nintendo switch oled")
          .contains("12 listings tracked, 3 new")
          .contains("$249.00", "$285.00", "$289.50", "$349.99")
          .contains("$279.00 (-2.1% vs the 14-day median)")
          .contains("$299.00", "-$20.00 (-6.7%)")
          .contains("Switch OLED white", "$320.00", "$259.00", "-19.1%")
          .contains("Switch OLED neon", "12.6% below the median")
          .contains("Priced far below typical, not counted as deals")
          .contains(
              "Switch OLED box only",
              "96.5% below the median; far below typical: check it is the item")
          .contains("https://www.ebay.com/itm/111")
          .contains("EUR 80.00", "no listings seen today", "no change")
          .contains("rare vinyl", "No listings seen in the last 14 days yet.")
          .contains(
              "https://alerts.example.com/unsubscribe/" + DigestFixtures.SWITCH_TOKEN,
              links.urlFor(DigestFixtures.LENS),
              links.urlFor(DigestFixtures.NO_DATA));
    }
  }

  @Test
  void refersToOneInlineChartPerAlertWithData() {
    Rendered email = renderer.render(DigestFixtures.threeAlerts(), links::urlFor);

    assertThat(email.charts())
        .extracting(DigestRenderer.Chart::contentId)
        .containsExactly(
            "chart-" + DigestFixtures.SWITCH + "@ebay-alerts",
            "chart-" + DigestFixtures.LENS + "@ebay-alerts");
    for (DigestRenderer.Chart chart : email.charts()) {
      assertThat(chart.png()).startsWith(0x89, 'P', 'N', 'G');
      assertThat(email.html()).contains("src=\"cid:" + chart.contentId() + "\"");
    }
    assertThat(email.html())
        .contains(
            "alt=\"Price of &quot;nintendo switch oled&quot; over the last 14 days: lowest,"
                + " median and highest price per day in USD on eBay United States\"");
  }

  @Test
  void saysOnWhichMarketplaceThePricesWereSeen() {
    Rendered email = renderer.render(DigestFixtures.threeAlerts(), links::urlFor);

    assertThat(email.text())
        .contains("12 listings tracked, 3 new · prices in USD on eBay United States\n")
        .contains("1 listing tracked, 1 new · prices in EUR on eBay Germany\n");
    assertThat(email.html()).contains("EUR</span> on <span>eBay Germany</span>");
    // a digest stored before alerts had a marketplace names none
    assertThat(email.text()).contains("No listings seen in the last 14 days yet.");
  }

  @Test
  void anAlertWithNothingYetOnItsNewMarketplaceSaysWhere() {
    InsightDigest.AlertSection moved =
        new InsightDigest.AlertSection(
            DigestFixtures.NO_DATA, "rare vinyl", List.of(), null, List.of(), "EBAY_FR");

    Rendered email =
        renderer.render(
            new InsightDigest(DigestFixtures.FROM, DigestFixtures.TO, List.of(moved)),
            links::urlFor);

    for (String body : List.of(email.html(), email.text())) {
      assertThat(body).contains("No listings seen on eBay France in the last 14 days yet.");
    }
  }

  @Test
  void namesMarketplacesByTheirCountry() {
    assertThat(DigestRenderer.marketplace("EBAY_GB")).isEqualTo("eBay United Kingdom");
    assertThat(DigestRenderer.marketplace("EBAY_AU")).isEqualTo("eBay Australia");
    assertThat(DigestRenderer.marketplace("EBAY_MOTORS")).isEqualTo("EBAY_MOTORS");
    assertThat(DigestRenderer.marketplace("EBAY_ZZ")).isEqualTo("EBAY_ZZ");
    assertThat(DigestRenderer.marketplace(null)).isNull();
  }

  @Test
  void escapesListingTextAndLinksOnlyToWebPages() {
    Rendered email = renderer.render(DigestFixtures.threeAlerts(), links::urlFor);

    assertThat(email.html())
        .doesNotContain("<script>", "<b>canon</b>", "javascript:")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; Lens", "&lt;b&gt;canon&lt;/b&gt; lens");
    assertThat(email.text()).doesNotContain("javascript:");
  }

  @Test
  void namesTheSearchInTheSubjectOfADigestOfOneAlert() {
    Rendered email =
        renderer.render(
            new InsightDigest(
                DigestFixtures.FROM, DigestFixtures.TO, List.of(DigestFixtures.nintendoSwitch())),
            links::urlFor);

    assertThat(email.subject()).isEqualTo("Price insights for \"nintendo switch oled\"");
  }

  @Test
  void formatsSignedAmountsAndPercentages() {
    assertThat(DigestRenderer.percent(DigestFixtures.amount("5.25"))).isEqualTo("+5.3%");
    assertThat(DigestRenderer.percent(DigestFixtures.amount("-0.04"))).isEqualTo("0.0%");
    assertThat(DigestRenderer.change(DigestFixtures.amount("12"), null, "USD"))
        .isEqualTo("+$12.00");
    assertThat(DigestRenderer.price(DigestFixtures.amount("1234.5"), "GBP"))
        .isEqualTo("GBP 1,234.50");
    assertThat(DigestRenderer.price(DigestFixtures.amount("1500"), "JPY")).isEqualTo("JPY 1,500");
  }
}
