package dev.ebayalerts.analytics.digest;

import dev.ebayalerts.analytics.insight.AlertInsights;
import dev.ebayalerts.analytics.insight.CurrencyInsights;
import dev.ebayalerts.analytics.insight.Deal;
import dev.ebayalerts.analytics.insight.ListingMove;
import dev.ebayalerts.analytics.insight.PricePoint;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.ObjectMapper;

/**
 * One recipient's insight email as generated: the figures of each of their active alerts and the
 * daily prices its chart is drawn from. Stored as JSON in {@code insight_email}, so what is sent is
 * exactly what was generated however late it goes out. Its own records rather than the insight
 * API's: a stored digest must still read after that API changes.
 *
 * @param from start of the insight window
 * @param to end of the insight window (when the digest was generated)
 * @param alerts one section per alert, in the order shown
 */
record InsightDigest(Instant from, Instant to, List<AlertSection> alerts) {

  /** Lists in an email are a summary: the full lists are the dashboard's. */
  static final int LISTINGS_PER_LIST = 3;

  InsightDigest {
    alerts = alerts == null ? List.of() : List.copyOf(alerts);
  }

  /** Whether any alert has something to show: a digest without is not sent. */
  boolean hasData() {
    return alerts.stream().anyMatch(AlertSection::hasData);
  }

  /** The same digest with only the alerts {@code keep} accepts. */
  InsightDigest only(Predicate<AlertSection> keep) {
    return new InsightDigest(from, to, alerts.stream().filter(keep).toList());
  }

  /**
   * One alert's section.
   *
   * @param chartCurrency the currency of the chart: the one with the most listings; null when the
   *     alert has no data
   * @param history the chart's daily prices in {@code chartCurrency}, oldest day first
   * @param marketplace the eBay marketplace the figures are of (the alert's at the time), e.g.
   *     {@code EBAY_DE}; null in digests stored before alerts had one
   */
  record AlertSection(
      UUID alertId,
      String searchPhrase,
      List<CurrencyFigures> currencies,
      String chartCurrency,
      List<DayPrices> history,
      String marketplace) {

    AlertSection {
      currencies = currencies == null ? List.of() : List.copyOf(currencies);
      history = history == null ? List.of() : List.copyOf(history);
    }

    boolean hasData() {
      return !currencies.isEmpty();
    }

    static AlertSection of(String searchPhrase, AlertInsights insights, List<PricePoint> history) {
      String chartCurrency =
          insights.currencies().stream()
              .max(
                  Comparator.comparingLong(CurrencyInsights::listingsTracked)
                      // a tie goes to the first in alphabetical order, so the choice is stable
                      .thenComparing(CurrencyInsights::currency, Comparator.reverseOrder()))
              .map(CurrencyInsights::currency)
              .orElse(null);
      return new AlertSection(
          insights.alertId(),
          searchPhrase,
          insights.currencies().stream().map(CurrencyFigures::of).toList(),
          chartCurrency,
          history.stream()
              .filter(point -> point.currency().equals(chartCurrency))
              .sorted(Comparator.comparing(PricePoint::day))
              .map(point -> new DayPrices(point.day(), point.min(), point.median(), point.max()))
              .toList(),
          insights.marketplace());
    }
  }

  /**
   * An alert's figures in one currency; see {@link CurrencyInsights} for their meaning. {@code
   * suspicious} is empty in digests stored before listings were flagged.
   */
  record CurrencyFigures(
      String currency,
      long listingsTracked,
      long newListings,
      BigDecimal lowest,
      BigDecimal highest,
      BigDecimal average,
      BigDecimal median,
      BigDecimal todayMedian,
      BigDecimal todayVsWindowPercent,
      BigDecimal typicalPriceStart,
      BigDecimal typicalPriceNow,
      BigDecimal typicalPriceChange,
      BigDecimal typicalPriceChangePercent,
      List<Move> biggestDrops,
      List<Move> atLowest,
      List<Bargain> bestDeals,
      List<Bargain> suspicious) {

    CurrencyFigures {
      biggestDrops = biggestDrops == null ? List.of() : List.copyOf(biggestDrops);
      atLowest = atLowest == null ? List.of() : List.copyOf(atLowest);
      bestDeals = bestDeals == null ? List.of() : List.copyOf(bestDeals);
      suspicious = suspicious == null ? List.of() : List.copyOf(suspicious);
    }

    static CurrencyFigures of(CurrencyInsights c) {
      return new CurrencyFigures(
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
          first(c.biggestDrops()).stream().map(Move::of).toList(),
          first(c.atLowest()).stream().map(Move::of).toList(),
          first(c.bestDeals()).stream().map(Bargain::of).toList(),
          first(c.suspicious()).stream().map(Bargain::of).toList());
    }

    private static <T> List<T> first(List<T> list) {
      return list == null ? List.of() : list.subList(0, Math.min(LISTINGS_PER_LIST, list.size()));
    }
  }

  /** A listing whose price went from {@code oldPrice} to {@code newPrice}. */
  record Move(
      String itemId,
      String title,
      String itemWebUrl,
      BigDecimal oldPrice,
      BigDecimal newPrice,
      BigDecimal changePercent) {

    static Move of(ListingMove m) {
      return new Move(
          m.itemId(), m.title(), m.itemWebUrl(), m.oldPrice(), m.newPrice(), m.changePercent());
    }
  }

  /**
   * A listing priced {@code belowMedianPercent} percent below the window's median; {@code reason}
   * says why it is not a deal (see {@link Deal#reason()}), null for a deal.
   */
  record Bargain(
      String itemId,
      String title,
      String itemWebUrl,
      BigDecimal price,
      BigDecimal belowMedianPercent,
      String reason) {

    static Bargain of(Deal d) {
      return new Bargain(
          d.itemId(), d.title(), d.itemWebUrl(), d.price(), d.belowMedianPercent(), d.reason());
    }
  }

  /** One day of the chart: lowest, median and highest price. */
  record DayPrices(LocalDate day, BigDecimal min, BigDecimal median, BigDecimal max) {}

  /**
   * The figures a person would notice, in a fixed order: when they are the same as in the last
   * digest, nothing changed and no email is stored. Leaves out the window's bounds (they move with
   * every run) and the chart's series (drawn from the same prices the figures are), and writes
   * amounts without trailing zeros, so 10.5 and 10.50 count as the same. Leaves out the marketplace
   * too: an alert that moves changes its figures with it (those of the new marketplace, or none
   * yet), and adding it would have made every digest look new once, emailing everyone figures they
   * already had. Suspicious listings count only when there are some, so the digests stored before
   * they were flagged keep their fingerprints.
   */
  List<Object> figures() {
    List<Object> figures = new ArrayList<>();
    for (AlertSection alert : alerts) {
      figures.add(alert.alertId().toString());
      figures.add(String.valueOf(alert.searchPhrase()));
      for (CurrencyFigures c : alert.currencies()) {
        figures.add(
            List.of(
                c.currency(),
                c.listingsTracked(),
                c.newListings(),
                amounts(
                    c.lowest(),
                    c.highest(),
                    c.average(),
                    c.median(),
                    c.todayMedian(),
                    c.todayVsWindowPercent(),
                    c.typicalPriceStart(),
                    c.typicalPriceNow(),
                    c.typicalPriceChange(),
                    c.typicalPriceChangePercent())));
        for (List<Move> moves : List.of(c.biggestDrops(), c.atLowest())) {
          figures.add(
              moves.stream()
                  .map(
                      m ->
                          List.of(
                              String.valueOf(m.itemId()),
                              String.valueOf(m.title()),
                              amounts(m.oldPrice(), m.newPrice(), m.changePercent())))
                  .toList());
        }
        figures.add(bargains(c.bestDeals()));
        if (!c.suspicious().isEmpty()) {
          figures.add(List.of("suspicious", bargains(c.suspicious())));
        }
      }
    }
    return figures;
  }

  /** SHA-256 (hex) of the canonical JSON of the digest's {@linkplain #figures figures}. */
  String fingerprint(ObjectMapper json) {
    try {
      byte[] canonical = json.writeValueAsBytes(figures());
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static List<Object> bargains(List<Bargain> bargains) {
    return bargains.stream()
        .<Object>map(
            d ->
                List.of(
                    String.valueOf(d.itemId()),
                    String.valueOf(d.title()),
                    amounts(d.price(), d.belowMedianPercent())))
        .toList();
  }

  private static List<String> amounts(BigDecimal... amounts) {
    List<String> canonical = new ArrayList<>(amounts.length);
    for (BigDecimal amount : amounts) {
      canonical.add(amount == null ? "-" : amount.stripTrailingZeros().toPlainString());
    }
    return canonical;
  }
}
