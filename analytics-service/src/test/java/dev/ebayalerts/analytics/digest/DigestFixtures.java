package dev.ebayalerts.analytics.digest;

import dev.ebayalerts.analytics.digest.InsightDigest.AlertSection;
import dev.ebayalerts.analytics.digest.InsightDigest.Bargain;
import dev.ebayalerts.analytics.digest.InsightDigest.CurrencyFigures;
import dev.ebayalerts.analytics.digest.InsightDigest.DayPrices;
import dev.ebayalerts.analytics.digest.InsightDigest.Move;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Hand-made digests with known figures. */
final class DigestFixtures {

  static final Instant TO = Instant.parse("2026-03-15T10:00:00Z");
  static final Instant FROM = TO.minus(Duration.ofDays(14));
  static final UUID SWITCH = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
  static final UUID LENS = UUID.fromString("00000000-0000-4000-8000-000000000002");
  static final UUID NO_DATA = UUID.fromString("00000000-0000-4000-8000-000000000003");

  /**
   * The link secret of the tests, and the unsubscribe token it makes for {@link #SWITCH}: the
   * vector pubsub-lib's UnsubscribeLinksTests checks, so these emails link to what alerts-service
   * reads.
   */
  static final String LINK_SECRET = "a-secret-of-at-least-thirty-two-characters";

  static final String SWITCH_TOKEN =
      "PyUE4E-JQdOaDAMF6CwzAcjcBt1JYRMYplD-i-SkwPHUp4Q91BxOWkreJMlXcAoY";

  private DigestFixtures() {}

  static InsightDigest threeAlerts() {
    return new InsightDigest(FROM, TO, List.of(nintendoSwitch(), lens(), noData()));
  }

  static AlertSection nintendoSwitch() {
    return new AlertSection(
        SWITCH,
        "nintendo switch oled",
        List.of(
            new CurrencyFigures(
                "USD",
                12,
                3,
                amount("249.00"),
                amount("349.99"),
                amount("289.50"),
                amount("285.00"),
                amount("279.00"),
                amount("-2.11"),
                amount("299.00"),
                amount("279.00"),
                amount("-20.00"),
                amount("-6.69"),
                List.of(
                    new Move(
                        "111",
                        "Switch OLED white",
                        "https://www.ebay.com/itm/111",
                        amount("320.00"),
                        amount("259.00"),
                        amount("-19.06"))),
                List.of(
                    new Move(
                        "112",
                        "Switch OLED neon",
                        "https://www.ebay.com/itm/112",
                        amount("299.00"),
                        amount("249.00"),
                        amount("-16.72"))),
                List.of(
                    new Bargain(
                        "112",
                        "Switch OLED neon",
                        "https://www.ebay.com/itm/112",
                        amount("249.00"),
                        amount("12.63"),
                        null)),
                List.of(
                    new Bargain(
                        "113",
                        "Switch OLED box only",
                        "https://www.ebay.com/itm/113",
                        amount("9.99"),
                        amount("96.49"),
                        "far below typical: check it is the item")))),
        "USD",
        List.of(
            day(TO.minus(Duration.ofDays(10)), "269.00", "299.00", "349.99"),
            day(TO.minus(Duration.ofDays(5)), "259.00", "289.00", "339.00"),
            day(TO, "249.00", "279.00", "329.00")),
        "EBAY_US");
  }

  /** Prices in euros, a title that tries to inject markup and a link that is not http(s). */
  static AlertSection lens() {
    return new AlertSection(
        LENS,
        "<b>canon</b> lens",
        List.of(
            new CurrencyFigures(
                "EUR",
                1,
                1,
                amount("80.00"),
                amount("80.00"),
                amount("80.00"),
                amount("80.00"),
                null,
                null,
                amount("80.00"),
                amount("80.00"),
                amount("0.00"),
                amount("0.00"),
                List.of(),
                List.of(),
                List.of(
                    new Bargain(
                        "9",
                        "<script>alert(1)</script> Lens",
                        "javascript:alert(1)",
                        amount("80.00"),
                        amount("0.00"),
                        null)),
                List.of())),
        "EUR",
        List.of(day(TO.minus(Duration.ofDays(2)), "80.00", "80.00", "80.00")),
        "EBAY_DE");
  }

  /** Without a marketplace, as digests stored before alerts had one. */
  static AlertSection noData() {
    return new AlertSection(NO_DATA, "rare vinyl", List.of(), null, List.of(), null);
  }

  static BigDecimal amount(String value) {
    return new BigDecimal(value);
  }

  private static DayPrices day(Instant at, String min, String median, String max) {
    return new DayPrices(
        LocalDate.ofInstant(at, java.time.ZoneOffset.UTC),
        amount(min),
        amount(median),
        amount(max));
  }
}
