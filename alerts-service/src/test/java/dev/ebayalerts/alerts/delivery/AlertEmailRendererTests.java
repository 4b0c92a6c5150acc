package dev.ebayalerts.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;

/** The renderer with the service's own Thymeleaf settings, as Spring Boot configures them. */
@SpringBootTest(classes = AlertEmailRenderer.class, webEnvironment = WebEnvironment.NONE)
@ImportAutoConfiguration(ThymeleafAutoConfiguration.class)
class AlertEmailRendererTests {

  static final String UNSUBSCRIBE = "https://alerts.example.com/unsubscribe/abc_-123";

  @Autowired AlertEmailRenderer renderer;

  static NoticeListing listing(String title, String price, String previousPrice) {
    return new NoticeListing(
        "v1|" + title.hashCode() + "|0",
        title,
        new BigDecimal(price),
        "USD",
        previousPrice == null ? null : new BigDecimal(previousPrice),
        "https://i.ebayimg.com/images/g/abc/s-l225.jpg",
        "https://www.ebay.com/itm/1234567890",
        "Used",
        "FIXED_PRICE",
        null,
        List.of());
  }

  static NoticeListing detailed(String title, String price, PriceDetails details) {
    NoticeListing plain = listing(title, price, null);
    return new NoticeListing(
        plain.itemId(),
        plain.title(),
        plain.price(),
        plain.currency(),
        null,
        plain.imageUrl(),
        plain.itemWebUrl(),
        plain.condition(),
        plain.buyingOption(),
        null,
        List.of(),
        details);
  }

  @Test
  void saysWhatShippingCostsAndNeverCallsUnknownShippingFree() {
    NoticePayload email =
        email(
            "leica",
            false,
            List.of(
                detailed(
                    "Fixed",
                    "100.00",
                    new PriceDetails(null, new BigDecimal("7.50"), "FIXED", null, null, false)),
                detailed(
                    "Free",
                    "100.00",
                    new PriceDetails(
                        null, BigDecimal.ZERO.setScale(2), "FIXED", null, null, false)),
                detailed(
                    "Calculated",
                    "100.00",
                    new PriceDetails(null, null, "CALCULATED", null, null, false)),
                detailed(
                    "Unstated",
                    "100.00",
                    new PriceDetails(null, null, "NOT_SPECIFIED", null, null, false)),
                detailed(
                    "Total",
                    "107.50",
                    new PriceDetails(null, new BigDecimal("7.50"), "FIXED", null, null, true))));

    String text = renderer.render(email, UNSUBSCRIBE).text();

    assertThat(text)
        .contains("$100.00 · + $7.50 shipping")
        .contains("$100.00 · free shipping")
        .contains("$100.00 · + shipping (calculated at checkout)")
        .contains("$100.00 · + shipping (not stated)")
        .contains("$107.50 · incl. $7.50 shipping");
    assertThat(text.split("free shipping", -1)).hasSize(2);
  }

  @Test
  void showsAVariationGroupsRangeAndAForeignSellersOwnPrice() {
    NoticePayload email =
        email(
            "iphone",
            false,
            List.of(
                detailed(
                    "iPhone 13 128/256 GB",
                    "399.00",
                    new PriceDetails(new BigDecimal("499.00"), null, null, null, null, false)),
                detailed(
                    "iPhone 13 from Canada",
                    "350.00",
                    new PriceDetails(null, null, null, new BigDecimal("479.99"), "CAD", false))));

    AlertEmailRenderer.Rendered rendered = renderer.render(email, UNSUBSCRIBE);

    assertThat(rendered.text())
        .contains("$399.00 · variants from this price up to $499.00")
        .contains("$350.00 · seller's price CAD 479.99");
    assertThat(rendered.html()).contains("variants from this price up to $499.00");
  }

  @Test
  void linksToWhereItsOwnerManagesTheirAlertsInBothParts() {
    NoticePayload email = email("camera", true, List.of(listing("Leica M6", "1899.00", null)));

    AlertEmailRenderer.Rendered rendered =
        renderer.render(email, UNSUBSCRIBE, "https://alerts.example.com/signin");

    assertThat(rendered.text()).contains("Manage your alerts: https://alerts.example.com/signin");
    assertThat(rendered.html()).contains("href=\"https://alerts.example.com/signin\"");
  }

  @Test
  void showsEachListingWithPriceDetailsAndLinkInBothParts() {
    NoticePayload email =
        email(
            "nintendo switch",
            false,
            List.of(
                listing("Nintendo Switch OLED White", "289.99", null),
                listing("Nintendo Switch Lite Blue", "129.99", "150")));

    AlertEmailRenderer.Rendered rendered = renderer.render(email, UNSUBSCRIBE);

    assertThat(rendered.subject())
        .isEqualTo("1 new listing and 1 price drop for \"nintendo switch\"");
    assertThat(rendered.text())
        .contains(
            "Nintendo Switch OLED White",
            "$289.99 · Used · Buy It Now",
            "https://www.ebay.com/itm/1234567890",
            "Price drop: was $150.00, now $129.99",
            "Unsubscribe (pauses this alert): " + UNSUBSCRIBE)
        .contains(
            """

            Nintendo Switch Lite Blue
            Price drop: was $150.00, now $129.99 · Used · Buy It Now
            https://www.ebay.com/itm/1234567890

            --
            """)
        .doesNotContain("<", "[#", "th:");
    assertThat(rendered.html())
        .contains(
            ">Nintendo Switch OLED White</a>",
            "<strong>$289.99</strong>",
            "<s style=\"color:#71717a;\">$150.00</s>",
            "$129.99</strong>",
            "Used · Buy It Now",
            "href=\"https://www.ebay.com/itm/1234567890\"",
            "src=\"https://i.ebayimg.com/images/g/abc/s-l225.jpg\"",
            "alt=\"Nintendo Switch Lite Blue\"",
            "href=\"" + UNSUBSCRIBE + "\"")
        .doesNotContain("th:text", "th:if", "xmlns:th");
  }

  @Test
  void firstEmailPresentsTheCurrentTopListings() {
    NoticePayload email =
        email("lego 10497", true, List.of(listing("LEGO Galaxy Explorer", "99", null)));

    AlertEmailRenderer.Rendered rendered = renderer.render(email, UNSUBSCRIBE);

    assertThat(rendered.subject()).isEqualTo("1 listing for \"lego 10497\" right now");
    assertThat(rendered.text()).startsWith("Here are the current top listings for \"lego 10497\"");
    assertThat(rendered.html()).contains("Here are the current top listings");
  }

  @Test
  void namesNewListingsAndDropsInTheSubject() {
    assertThat(
            AlertEmailRenderer.subject(
                email(
                    "switch",
                    false,
                    List.of(
                        listing("a", "1", null), listing("b", "1", null), listing("c", "1", null))),
                "switch"))
        .isEqualTo("3 new listings for \"switch\"");
    assertThat(
            AlertEmailRenderer.subject(
                email("switch", false, List.of(listing("a", "1", "2"))), "switch"))
        .isEqualTo("Price drop: 1 listing for \"switch\"");
  }

  @Test
  void escapesListingTextAndDropsLinksThatAreNotWebAddresses() {
    NoticeListing hostile =
        new NoticeListing(
            "1",
            "<script>alert(1)</script> & \"friends\"",
            new BigDecimal("5"),
            "USD",
            null,
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            null,
            null,
            null,
            List.of());

    String html = renderer.render(email("x", false, List.of(hostile)), UNSUBSCRIBE).html();

    assertThat(html)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;")
        .doesNotContain("<script>", "javascript:", "data:text", "<img");
  }

  @Test
  void aFixedPriceThatTakesOffersSaysSo() {
    NoticeListing offers =
        new NoticeListing(
            "o1",
            "Offers welcome",
            new BigDecimal("40"),
            "USD",
            null,
            null,
            "https://www.ebay.com/itm/o1",
            "Used",
            "BEST_OFFER",
            null,
            List.of());

    assertThat(renderer.render(email("offers", false, List.of(offers)), UNSUBSCRIBE).text())
        .contains("$40.00 · Used · Buy It Now or Best Offer");
  }

  @Test
  void subjectStaysOnOneLine() {
    NoticePayload email =
        email("switch\r\nBcc: someone@example.com", false, List.of(listing("a", "1", null)));

    assertThat(renderer.render(email, UNSUBSCRIBE).subject()).doesNotContain("\r", "\n");
  }

  @Test
  void formatsPricesWithTheirCurrency() {
    assertThat(ListingText.price(new BigDecimal("129.9"), "USD")).isEqualTo("$129.90");
    assertThat(ListingText.price(new BigDecimal("1234.5"), "USD")).isEqualTo("$1,234.50");
    assertThat(ListingText.price(new BigDecimal("12.5"), "EUR")).isEqualTo("EUR 12.50");
    assertThat(ListingText.price(new BigDecimal("1200"), "JPY")).isEqualTo("JPY 1,200");
    assertThat(ListingText.price(new BigDecimal("3"), "XYZ1")).isEqualTo("XYZ1 3.00");
  }

  private static NoticePayload email(String phrase, boolean first, List<NoticeListing> listings) {
    return new NoticePayload(null, phrase, first, listings, java.util.Map.of());
  }
}
