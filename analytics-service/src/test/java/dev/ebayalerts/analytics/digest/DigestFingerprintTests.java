package dev.ebayalerts.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.digest.InsightDigest.AlertSection;
import dev.ebayalerts.analytics.digest.InsightDigest.CurrencyFigures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The fingerprint changes exactly when the figures a person would see change. */
class DigestFingerprintTests {

  final ObjectMapper json = JsonMapper.builder().build();

  @Test
  void sameFiguresInALaterWindowHaveTheSameFingerprint() {
    InsightDigest digest = DigestFixtures.threeAlerts();
    InsightDigest later =
        new InsightDigest(
            digest.from().plus(Duration.ofMinutes(30)),
            digest.to().plus(Duration.ofMinutes(30)),
            digest.alerts());

    assertThat(later.fingerprint(json)).isEqualTo(digest.fingerprint(json)).hasSize(64);
  }

  @Test
  void trailingZerosDoNotCount() {
    AlertSection alert = DigestFixtures.nintendoSwitch();
    AlertSection rescaled = withLowest(alert, new BigDecimal("249.0"));

    assertThat(fingerprint(rescaled)).isEqualTo(fingerprint(alert));
  }

  @Test
  void aChangedPriceOrAnotherAlertChangesIt() {
    AlertSection alert = DigestFixtures.nintendoSwitch();

    assertThat(fingerprint(withLowest(alert, new BigDecimal("248.99"))))
        .isNotEqualTo(fingerprint(alert));
    assertThat(
            new InsightDigest(null, null, List.of(alert, DigestFixtures.lens())).fingerprint(json))
        .isNotEqualTo(fingerprint(alert));
  }

  @Test
  void storedPayloadReadsBackAsGenerated() {
    InsightDigest digest = DigestFixtures.threeAlerts();

    InsightDigest read = json.readValue(json.writeValueAsString(digest), InsightDigest.class);

    assertThat(read).isEqualTo(digest);
  }

  @Test
  void aPayloadStoredBeforeAlertsHadAMarketplaceReadsWithoutOne() {
    InsightDigest digest = DigestFixtures.threeAlerts();
    String before = json.writeValueAsString(digest).replace(",\"marketplace\":\"EBAY_DE\"", "");

    InsightDigest read = json.readValue(before, InsightDigest.class);

    assertThat(read.alerts().get(1).marketplace()).isNull();
    assertThat(read.alerts().get(0).marketplace()).isEqualTo("EBAY_US");
    // the marketplace is no figure: reading it or not, the digest is the same one
    assertThat(read.fingerprint(json)).isEqualTo(digest.fingerprint(json));
  }

  @Test
  void aPayloadStoredBeforeListingsWereFlaggedReadsWithoutAnyAndKeepsItsFingerprint() {
    InsightDigest digest =
        new InsightDigest(DigestFixtures.FROM, DigestFixtures.TO, List.of(DigestFixtures.lens()));
    String before =
        json.writeValueAsString(digest)
            .replace(",\"suspicious\":[]", "")
            .replace(",\"reason\":null", "");
    assertThat(before).doesNotContain("suspicious", "reason");

    InsightDigest read = json.readValue(before, InsightDigest.class);

    assertThat(read).isEqualTo(digest);
    assertThat(read.fingerprint(json)).isEqualTo(digest.fingerprint(json));
  }

  @Test
  void aListingFlaggedFarBelowTypicalIsAFigure() {
    AlertSection alert = DigestFixtures.nintendoSwitch();
    CurrencyFigures c = alert.currencies().get(0);
    AlertSection unflagged =
        new AlertSection(
            alert.alertId(),
            alert.searchPhrase(),
            List.of(
                new CurrencyFigures(
                    c.currency(),
                    c.listingsTracked(),
                    c.newListings(),
                    c.lowest(),
                    c.highest(),
                    c.average(),
                    c.median(),
                    c.todayMedian(),
                    c.todayVsWindowPercent(),
                    c.typicalPriceStart(),
                    c.typicalPriceNow(),
                    c.typicalPriceChange(),
                    c.typicalPriceChangePercent(),
                    c.biggestDrops(),
                    c.atLowest(),
                    c.bestDeals(),
                    List.of())),
            alert.chartCurrency(),
            alert.history(),
            alert.marketplace());

    assertThat(fingerprint(unflagged)).isNotEqualTo(fingerprint(alert));
  }

  private String fingerprint(AlertSection alert) {
    return new InsightDigest(DigestFixtures.FROM, DigestFixtures.TO, List.of(alert))
        .fingerprint(json);
  }

  private static AlertSection withLowest(AlertSection alert, BigDecimal lowest) {
    CurrencyFigures c = alert.currencies().get(0);
    CurrencyFigures changed =
        new CurrencyFigures(
            c.currency(),
            c.listingsTracked(),
            c.newListings(),
            lowest,
            c.highest(),
            c.average(),
            c.median(),
            c.todayMedian(),
            c.todayVsWindowPercent(),
            c.typicalPriceStart(),
            c.typicalPriceNow(),
            c.typicalPriceChange(),
            c.typicalPriceChangePercent(),
            c.biggestDrops(),
            c.atLowest(),
            c.bestDeals(),
            c.suspicious());
    return new AlertSection(
        alert.alertId(),
        alert.searchPhrase(),
        List.of(changed),
        alert.chartCurrency(),
        alert.history(),
        alert.marketplace());
  }
}
