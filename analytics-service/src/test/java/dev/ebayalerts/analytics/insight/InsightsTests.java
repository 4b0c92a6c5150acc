package dev.ebayalerts.analytics.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Insights on a fixture whose answers were worked out by hand (see each comment). Prices count once
 * per listing per day: its last price that day.
 */
@IntegrationTest
class InsightsTests {

  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @Autowired
  @Qualifier(Insights.BATCHES)
  AsyncTaskExecutor batches;

  Insights insights;
  UUID alert;

  @BeforeEach
  void fixture() {
    insights =
        new Insights(
            jdbc,
            new InsightSettings(Duration.ofDays(14), 5, Duration.ofDays(1), 2),
            Clock.fixed(NOW, ZoneOffset.UTC),
            transactionManager,
            batches);
    alert = alertCopy("EBAY_US");
    // USD. Window: 2026-11-06T12:00 .. 2026-11-20T12:00.
    observe(alert, "A", "100.00", "USD", "2026-11-07T10:00:00Z");
    observe(alert, "A", "90.00", "USD", "2026-11-07T20:00:00Z"); // A's price on 11-07 is 90
    observe(alert, "A", "80.00", "USD", "2026-11-20T08:00:00Z");
    observe(alert, "B", "200.00", "USD", "2026-11-07T10:00:00Z");
    observe(alert, "B", "200.00", "USD", "2026-11-20T09:00:00Z");
    observe(alert, "C", "50.00", "USD", "2026-11-20T10:00:00Z"); // one observation, today
    observe(alert, "D", "300.00", "USD", "2026-11-01T10:00:00Z"); // before the window
    observe(alert, "D", "300.00", "USD", "2026-11-10T10:00:00Z");
    observe(alert, "E", "999.00", "USD", "2026-11-01T10:00:00Z"); // only before the window
    // EUR, kept apart: a tie.
    observe(alert, "X", "10.00", "EUR", "2026-11-19T18:00:00Z");
    observe(alert, "Y", "10.00", "EUR", "2026-11-19T19:00:00Z");
  }

  @Test
  void alertsComputedTogetherKeepTheirOwnFigures() {
    UUID other = alertCopy("EBAY_US");
    observe(other, "A", "10.00", "USD", "2026-11-19T10:00:00Z");
    observe(other, "A", "5.00", "USD", "2026-11-20T10:00:00Z");
    UUID none = UUID.randomUUID();

    Map<UUID, AlertInsights> together = insights.forAlerts(List.of(other, alert, none));

    assertThat(together.keySet()).containsExactly(other, alert, none);
    assertThat(together.get(alert)).isEqualTo(insights.forAlert(alert));
    assertThat(together.get(other)).isEqualTo(insights.forAlert(other));
    assertThat(together.get(other).currencies().get(0).biggestDrops())
        .extracting(ListingMove::newPrice)
        .containsExactly(new BigDecimal("5.00"));
    assertThat(together.get(none).currencies()).isEmpty();
    Map<UUID, List<PricePoint>> histories = insights.histories(List.of(alert, other, none));
    assertThat(histories.get(alert)).isEqualTo(insights.history(alert));
    assertThat(histories.get(other)).hasSize(2);
    assertThat(histories.get(none)).isEmpty();
  }

  @Test
  void figuresOfManyBatchesInParallelMatchTheFiguresAndHistoriesOfEachAlertAlone() {
    UUID other = alertCopy("EBAY_US");
    observe(other, "A", "10.00", "USD", "2026-11-19T10:00:00Z");
    observe(other, "A", "5.00", "USD", "2026-11-20T10:00:00Z");
    // three batches: the alerts with data in the first and the last, the rest without any
    List<UUID> ids = new ArrayList<>();
    ids.add(other);
    IntStream.range(0, 2 * Insights.BATCH).forEach(i -> ids.add(UUID.randomUUID()));
    ids.add(alert);

    Insights.Figures figures = insights.figures(ids);

    assertThat(figures.insights().keySet()).containsExactlyElementsOf(ids);
    assertThat(figures.histories().keySet()).containsExactlyElementsOf(ids);
    for (UUID id : List.of(alert, other)) {
      assertThat(figures.insights().get(id)).isEqualTo(insights.forAlert(id));
      // the history folded into the figures query equals the one of the history query
      assertThat(figures.histories().get(id)).isEqualTo(insights.history(id)).isNotEmpty();
    }
    assertThat(figures.histories().get(alert))
        .extracting(PricePoint::currency)
        .containsOnly("USD", "EUR");
    assertThat(figures.insights().get(ids.get(1)).currencies()).isEmpty();
    assertThat(figures.histories().get(ids.get(1))).isEmpty();
  }

  @Test
  void computesTheWindowFiguresPerCurrency() {
    AlertInsights result = insights.forAlert(alert);

    assertThat(result.from()).isEqualTo(NOW.minus(Duration.ofDays(14)));
    assertThat(result.currencies())
        .extracting(CurrencyInsights::currency)
        .containsExactly("EUR", "USD");
    CurrencyInsights usd = result.currencies().get(1);
    // daily prices: A 90 (11-07), A 80, B 200 (11-07), B 200, C 50, D 300 (11-10)
    assertThat(usd.listingsTracked()).isEqualTo(4); // A B C D; E is outside the window
    assertThat(usd.newListings()).isEqualTo(3); // A B C; D was first seen before the window
    assertThat(usd.lowest()).isEqualByComparingTo("50.00");
    assertThat(usd.highest()).isEqualByComparingTo("300.00");
    assertThat(usd.average()).isEqualByComparingTo("153.33"); // 920 / 6
    assertThat(usd.median()).isEqualByComparingTo("145.00"); // (90 + 200) / 2
    assertThat(usd.todayMedian()).isEqualByComparingTo("80.00"); // 50, 80, 200
    assertThat(usd.todayVsWindowPercent()).isEqualByComparingTo("-44.83"); // (80-145)/145
    // daily medians: 11-07 145, 11-10 300, 11-20 80
    assertThat(usd.typicalPriceStart()).isEqualByComparingTo("145.00");
    assertThat(usd.typicalPriceNow()).isEqualByComparingTo("80.00");
    assertThat(usd.typicalPriceChange()).isEqualByComparingTo("-65.00");
    assertThat(usd.typicalPriceChangePercent()).isEqualByComparingTo("-44.83");
  }

  @Test
  void findsDropsListingsAtTheirLowestAndDeals() {
    CurrencyInsights usd = insights.forAlert(alert).currencies().get(1);

    // A went 100 -> 80 since its first price in the window; B and D did not move
    assertThat(usd.biggestDrops())
        .singleElement()
        .satisfies(
            drop -> {
              assertThat(drop.itemId()).isEqualTo("A");
              assertThat(drop.oldPrice()).isEqualByComparingTo("100.00");
              assertThat(drop.newPrice()).isEqualByComparingTo("80.00");
              assertThat(drop.changePercent()).isEqualByComparingTo("-20.00");
            });
    // A is still listed at its lowest (80, from a high of 100); C and B never moved
    assertThat(usd.atLowest()).extracting(ListingMove::itemId).containsExactly("A");
    // still listed below the median of 145: C 50 (65.52 % below), A 80 (44.83 %); D is not listed
    // now
    assertThat(usd.bestDeals()).extracting(Deal::itemId).containsExactly("C", "A");
    assertThat(usd.bestDeals().get(0).belowMedianPercent()).isEqualByComparingTo("65.52");
    assertThat(usd.bestDeals().get(1).belowMedianPercent()).isEqualByComparingTo("44.83");
    // log quartiles e^q1 = 82.4, e^q3 = 200 give a fence of 82.4 * (82.4 / 200)^1.5 = 21.8: C is
    // a wide search's cheap listing, not an implausible one
    assertThat(usd.implausiblyCheapBelow()).isEqualByComparingTo("21.78");
    assertThat(usd.suspicious()).isEmpty();
  }

  /**
   * A search's typical spread plus a "sealed" set at $1.60, which on eBay is the box, a minifigure
   * or a scam. 13 listings today: median $46.99; quartiles of the log prices e^q1 = $42.00, e^q3 =
   * $49.99, so Tukey's fence is 42.00 * (42.00 / 49.99)^1.5 = $32.34, above half the median: the
   * fence is $23.50 (23.495 rounded).
   */
  @Test
  void aListingFarBelowTheTypicalPriceIsFlaggedNotADeal() {
    UUID lego = alertCopy("EBAY_US");
    String[] typical = {
      "39.99", "42.00", "44.50", "45.99", "46.99", "46.99", "47.99", "49.99", "52.00", "54.99",
      "59.99"
    };
    for (int i = 0; i < typical.length; i++) {
      observe(lego, "T" + i, typical[i], "USD", "2026-11-20T10:00:00Z");
    }
    observe(lego, "DEAL", "35.24", "USD", "2026-11-20T10:00:00Z"); // 25 % under the median
    observe(lego, "BOX", "1.60", "USD", "2026-11-20T10:00:00Z");

    CurrencyInsights usd = insights.forAlert(lego).currencies().get(0);

    assertThat(usd.median()).isEqualByComparingTo("46.99");
    assertThat(usd.implausiblyCheapBelow()).isEqualByComparingTo("23.50");
    assertThat(usd.bestDeals()).extracting(Deal::itemId).doesNotContain("BOX").startsWith("DEAL");
    assertThat(usd.bestDeals().get(0).belowMedianPercent()).isEqualByComparingTo("25.01");
    assertThat(usd.bestDeals().get(0).reason()).isNull();
    assertThat(usd.suspicious())
        .singleElement()
        .satisfies(
            box -> {
              assertThat(box.itemId()).isEqualTo("BOX");
              assertThat(box.price()).isEqualByComparingTo("1.60");
              assertThat(box.belowMedianPercent()).isEqualByComparingTo("96.60");
              assertThat(box.reason()).isEqualTo("far below typical: check it is the item");
              assertThat(box.title()).isEqualTo("Listing BOX");
            });
    // the figures still count it: it was seen at that price
    assertThat(usd.lowest()).isEqualByComparingTo("1.60");
  }

  /**
   * Identical prices have no spread (Tukey's fence would sit at the price itself): the fence is at
   * most half the median, so a listing 20 % under it is a deal.
   */
  @Test
  void aRealDealAmongIdenticalPricesIsNotFlagged() {
    UUID same = alertCopy("EBAY_US");
    for (int i = 0; i < 10; i++) {
      observe(same, "S" + i, "100.00", "USD", "2026-11-20T10:00:00Z");
    }
    observe(same, "DEAL", "80.00", "USD", "2026-11-20T10:00:00Z");

    CurrencyInsights usd = insights.forAlert(same).currencies().get(0);

    assertThat(usd.implausiblyCheapBelow()).isEqualByComparingTo("50.00");
    assertThat(usd.bestDeals()).extracting(Deal::itemId).containsExactly("DEAL");
    assertThat(usd.suspicious()).isEmpty();
  }

  @Test
  void tiesGiveTheSamePriceEverywhereAndNoDeals() {
    CurrencyInsights eur = insights.forAlert(alert).currencies().get(0);
    assertThat(eur.listingsTracked()).isEqualTo(2);
    assertThat(eur.lowest()).isEqualByComparingTo("10.00");
    assertThat(eur.highest()).isEqualByComparingTo("10.00");
    assertThat(eur.median()).isEqualByComparingTo("10.00");
    assertThat(eur.todayMedian()).isNull(); // seen yesterday only
    assertThat(eur.todayVsWindowPercent()).isNull();
    assertThat(eur.bestDeals()).isEmpty();
    assertThat(eur.biggestDrops()).isEmpty();
  }

  @Test
  void aSingleObservationIsItsOwnEverything() {
    UUID single = alertCopy("EBAY_US");
    observe(single, "S", "42.00", "USD", "2026-11-20T11:00:00Z");
    CurrencyInsights usd = insights.forAlert(single).currencies().get(0);
    assertThat(usd.listingsTracked()).isEqualTo(1);
    assertThat(usd.newListings()).isEqualTo(1);
    assertThat(usd.lowest()).isEqualByComparingTo("42.00");
    assertThat(usd.highest()).isEqualByComparingTo("42.00");
    assertThat(usd.average()).isEqualByComparingTo("42.00");
    assertThat(usd.median()).isEqualByComparingTo("42.00");
    assertThat(usd.typicalPriceChange()).isEqualByComparingTo("0");
    assertThat(usd.typicalPriceChangePercent()).isEqualByComparingTo("0");
    assertThat(usd.biggestDrops()).isEmpty();
    assertThat(usd.atLowest()).isEmpty();
  }

  @Test
  void noObservationsMeansNoFigures() {
    UUID none = UUID.randomUUID();
    assertThat(insights.forAlert(none).currencies()).isEmpty();
    assertThat(insights.history(none)).isEmpty();
  }

  @Test
  void historyIsTheDailySpreadPerCurrency() {
    assertThat(insights.history(alert))
        .containsExactly(
            point("EUR", "2026-11-19", "10.00", "10.00", "10.00", 2),
            point("USD", "2026-11-07", "90.00", "145.00", "200.00", 2),
            point("USD", "2026-11-10", "300.00", "300.00", "300.00", 1),
            point("USD", "2026-11-20", "50.00", "80.00", "200.00", 3));
  }

  /**
   * The alert searched eBay Germany, then moved to eBay France: both in EUR, and item A is listed
   * on both (eBay shows a listing on the sites it ships to) at different prices.
   */
  @Test
  void anAlertMovedToAnotherMarketplaceCountsOnlyWhatWasSeenThere() {
    UUID moved = alertCopy("EBAY_DE");
    observe(moved, "EBAY_DE", "A", "100.00", "EUR", "2026-11-01T10:00:00Z"); // before the window
    observe(moved, "EBAY_DE", "A", "100.00", "EUR", "2026-11-10T10:00:00Z");
    observe(moved, "EBAY_DE", "B", "500.00", "EUR", "2026-11-10T10:00:00Z");
    observe(moved, "EBAY_FR", "A", "120.00", "EUR", "2026-11-19T10:00:00Z");
    observe(moved, "EBAY_FR", "A", "110.00", "EUR", "2026-11-20T10:00:00Z");
    observe(moved, "EBAY_FR", "C", "60.00", "EUR", "2026-11-20T10:00:00Z");
    moveTo(moved, "EBAY_FR");

    AlertInsights result = insights.forAlert(moved);

    assertThat(result.marketplace()).isEqualTo("EBAY_FR");
    CurrencyInsights eur = result.currencies().get(0);
    assertThat(result.currencies()).hasSize(1);
    // daily prices on eBay France only: A 120 (11-19), A 110, C 60 (11-20); never B's 500
    assertThat(eur.listingsTracked()).isEqualTo(2);
    assertThat(eur.newListings()).isEqualTo(2); // A was seen before the window, but in Germany
    assertThat(eur.lowest()).isEqualByComparingTo("60.00");
    assertThat(eur.highest()).isEqualByComparingTo("120.00");
    assertThat(eur.median()).isEqualByComparingTo("110.00");
    assertThat(eur.typicalPriceStart()).isEqualByComparingTo("120.00");
    assertThat(eur.typicalPriceNow()).isEqualByComparingTo("85.00");
    assertThat(eur.biggestDrops())
        .singleElement()
        .satisfies(
            drop -> {
              assertThat(drop.oldPrice()).isEqualByComparingTo("120.00");
              assertThat(drop.newPrice()).isEqualByComparingTo("110.00");
              // the listing as seen on the alert's marketplace
              assertThat(drop.itemWebUrl()).isEqualTo("https://www.ebay.fr/itm/A");
            });
    assertThat(insights.history(moved))
        .containsExactly(
            point("EUR", "2026-11-19", "120.00", "120.00", "120.00", 1),
            point("EUR", "2026-11-20", "60.00", "85.00", "110.00", 2));
    // the figures the digest takes are the same
    Insights.Figures figures = insights.figures(List.of(moved));
    assertThat(figures.insights().get(moved)).isEqualTo(result);
    assertThat(figures.histories().get(moved)).isEqualTo(insights.history(moved));

    // nothing was lost: moved back, the alert shows what it saw in Germany again
    moveTo(moved, "EBAY_DE");
    assertThat(insights.forAlert(moved).currencies().get(0).highest())
        .isEqualByComparingTo("500.00");
    assertThat(insights.history(moved))
        .containsExactly(point("EUR", "2026-11-10", "100.00", "300.00", "500.00", 2));
  }

  @Test
  void anAlertMovedWhereNothingWasSeenYetHasNoFigures() {
    UUID moved = alertCopy("EBAY_DE");
    observe(moved, "EBAY_DE", "A", "100.00", "EUR", "2026-11-19T10:00:00Z");
    moveTo(moved, "EBAY_IT");

    AlertInsights result = insights.forAlert(moved);

    assertThat(result.marketplace()).isEqualTo("EBAY_IT");
    assertThat(result.currencies()).isEmpty();
    assertThat(insights.history(moved)).isEmpty();
  }

  private UUID alertCopy(String marketplace) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into alert_copy (id, email, search_phrase, frequency_minutes, currency,
                item_condition, buying_option, active, version, created_at, updated_at,
                marketplace)
            values (?, 'insights@example.com', 'camera', 10, 'USD', 'ANY', 'ANY', true, 0, ?, ?, ?)
            """)
        .params(id, Timestamp.from(NOW), Timestamp.from(NOW), marketplace)
        .update();
    return id;
  }

  private void moveTo(UUID alertId, String marketplace) {
    jdbc.sql("update alert_copy set marketplace = ?, version = version + 1 where id = ?")
        .params(marketplace, alertId)
        .update();
  }

  private static PricePoint point(
      String currency, String day, String min, String median, String max, long listings) {
    return new PricePoint(
        currency,
        LocalDate.parse(day),
        new BigDecimal(min),
        new BigDecimal(median),
        new BigDecimal(max),
        listings);
  }

  private void observe(UUID alertId, String item, String price, String currency, String at) {
    observe(alertId, "EBAY_US", item, price, currency, at);
  }

  private void observe(
      UUID alertId, String marketplace, String item, String price, String currency, String at) {
    String host =
        switch (marketplace) {
          case "EBAY_DE" -> "www.ebay.de";
          case "EBAY_FR" -> "www.ebay.fr";
          default -> "www.ebay.com";
        };
    jdbc.sql(
            "insert into price_observation (alert_id, item_id, title, price, currency, item_web_url,"
                + " observed_at, marketplace) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            alertId,
            item,
            "Listing " + item,
            new BigDecimal(price),
            currency,
            "https://" + host + "/itm/" + item,
            Timestamp.from(Instant.parse(at)),
            marketplace)
        .update();
  }
}
