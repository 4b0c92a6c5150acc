package dev.ebayalerts.analytics.digest;

import dev.ebayalerts.analytics.digest.InsightDigest.AlertSection;
import dev.ebayalerts.analytics.digest.InsightDigest.Bargain;
import dev.ebayalerts.analytics.digest.InsightDigest.CurrencyFigures;
import dev.ebayalerts.analytics.digest.InsightDigest.Move;
import dev.ebayalerts.pubsub.links.SafeUrls;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a digest as a subject, a plain-text body, an HTML body and one PNG chart per alert with
 * data, from the Thymeleaf templates {@code templates/mail/insights.*}, with Spring Boot's template
 * engine ({@code spring.thymeleaf.*}): {@code insights.txt} is read in TEXT mode, named by its
 * extension.
 */
@Component
class DigestRenderer {

  private static final Logger log = LoggerFactory.getLogger(DigestRenderer.class);
  private static final Locale LOCALE = Locale.US;
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /** The email, ready to send; the HTML refers to each chart as {@code cid:<contentId>}. */
  record Rendered(String subject, String text, String html, List<Chart> charts) {}

  /** A chart to attach inline. */
  record Chart(String contentId, byte[] png, String alt) {}

  /**
   * An alert as the templates show it: every value already formatted.
   *
   * @param marketplace where its prices were seen, e.g. {@code eBay Germany}; null when unknown
   */
  record AlertView(
      String phrase,
      String marketplace,
      String chartContentId,
      String chartAlt,
      String unsubscribeUrl,
      List<CurrencyView> currencies) {

    public boolean hasData() {
      return !currencies.isEmpty();
    }
  }

  /** An alert's figures in one currency, formatted. */
  record CurrencyView(
      String currency,
      String listings,
      String lowest,
      String median,
      String average,
      String highest,
      String today,
      String typicalStart,
      String typicalNow,
      String typicalChange,
      String trend,
      List<ListingList> lists) {}

  /** A titled list of listings (biggest drops, at their lowest, best deals); never empty. */
  record ListingList(String heading, List<ListingView> listings) {}

  /**
   * A listing in a list: {@code previousPrice} is set for price moves, {@code note} says how far it
   * fell or how far below the median it is.
   */
  record ListingView(String title, String url, String price, String previousPrice, String note) {}

  private final TemplateEngine templates;

  DigestRenderer(TemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * @param digest the digest, with the alerts to show
   * @param unsubscribeUrl the unsubscribe link of each alert
   */
  Rendered render(InsightDigest digest, Function<UUID, String> unsubscribeUrl) {
    long days = days(digest);
    String window = days == 1 ? "last day" : "last " + days + " days";
    List<AlertView> alerts = new ArrayList<>();
    List<Chart> charts = new ArrayList<>();
    for (AlertSection alert : digest.alerts()) {
      String phrase = oneLine(alert.searchPhrase());
      String marketplace = marketplace(alert.marketplace());
      Chart chart = chart(digest, alert, phrase, marketplace, window);
      if (chart != null) {
        charts.add(chart);
      }
      alerts.add(
          new AlertView(
              phrase,
              marketplace,
              chart == null ? null : chart.contentId(),
              chart == null ? null : chart.alt(),
              unsubscribeUrl.apply(alert.alertId()),
              alert.currencies().stream().map(c -> view(c, days)).toList()));
    }
    String subject = subject(alerts);
    Context context = new Context(LOCALE);
    context.setVariable("subject", subject);
    context.setVariable("window", window);
    context.setVariable("alerts", alerts);
    return new Rendered(
        subject,
        templates.process("mail/insights.txt", context),
        templates.process("mail/insights.html", context),
        List.copyOf(charts));
  }

  static String subject(List<AlertView> alerts) {
    if (alerts.size() == 1) {
      return "Price insights for \"" + alerts.get(0).phrase() + "\"";
    }
    return "Price insights for your " + alerts.size() + " eBay searches";
  }

  /**
   * The chart of an alert with data, or none when it cannot be drawn: the figures still go out
   * rather than the whole digest failing on a picture.
   */
  private static Chart chart(
      InsightDigest digest, AlertSection alert, String phrase, String marketplace, String window) {
    if (!alert.hasData() || alert.history().isEmpty()) {
      return null;
    }
    String alt =
        "Price of \""
            + phrase
            + "\" over the "
            + window
            + ": lowest, median and highest price per day in "
            + alert.chartCurrency()
            + (marketplace == null ? "" : " on " + marketplace);
    try {
      byte[] png =
          PriceChart.png(alert.history(), alert.chartCurrency(), digest.from(), digest.to());
      return new Chart("chart-" + alert.alertId() + "@ebay-alerts", png, alt);
    } catch (RuntimeException | LinkageError | InternalError e) {
      // AWT without fonts or native libraries fails with errors, not exceptions
      log.warn("Could not draw the price chart of alert {}: {}", alert.alertId(), e.toString());
      return null;
    }
  }

  private static CurrencyView view(CurrencyFigures c, long days) {
    String code = c.currency();
    String today =
        c.todayMedian() == null
            ? "no listings seen today"
            : price(c.todayMedian(), code)
                + (c.todayVsWindowPercent() == null
                    ? ""
                    : " ("
                        + percent(c.todayVsWindowPercent())
                        + " vs the "
                        + days
                        + "-day median)");
    return new CurrencyView(
        code,
        plural(c.listingsTracked(), "listing") + " tracked, " + c.newListings() + " new",
        price(c.lowest(), code),
        price(c.median(), code),
        price(c.average(), code),
        price(c.highest(), code),
        today,
        price(c.typicalPriceStart(), code),
        price(c.typicalPriceNow(), code),
        change(c.typicalPriceChange(), c.typicalPriceChangePercent(), code),
        trend(c.typicalPriceChange()),
        lists(
            new ListingList(
                "Biggest price drops",
                c.biggestDrops().stream()
                    .map(
                        m ->
                            listing(
                                m.title(),
                                m.itemWebUrl(),
                                price(m.newPrice(), code),
                                price(m.oldPrice(), code),
                                percent(m.changePercent())))
                    .toList()),
            new ListingList(
                "At their lowest price",
                c.atLowest().stream().map(m -> atLowest(m, code)).toList()),
            new ListingList(
                "Best deals now", c.bestDeals().stream().map(d -> deal(d, code)).toList()),
            new ListingList(
                "Priced far below typical, not counted as deals",
                c.suspicious().stream().map(d -> deal(d, code)).toList())));
  }

  private static List<ListingList> lists(ListingList... lists) {
    return Arrays.stream(lists).filter(list -> !list.listings().isEmpty()).toList();
  }

  private static ListingView atLowest(Move m, String code) {
    boolean fell =
        m.oldPrice() != null && m.newPrice() != null && m.oldPrice().compareTo(m.newPrice()) > 0;
    return listing(
        m.title(),
        m.itemWebUrl(),
        price(m.newPrice(), code),
        fell ? price(m.oldPrice(), code) : null,
        fell ? percent(m.changePercent()) : "lowest so far");
  }

  private static ListingView deal(Bargain d, String code) {
    return listing(d.title(), d.itemWebUrl(), price(d.price(), code), null, note(d));
  }

  /** {@code 96.6% below the median; far below typical: check it is the item}. */
  private static String note(Bargain d) {
    String below =
        d.belowMedianPercent() == null
            ? null
            : number(d.belowMedianPercent().abs(), 1) + "% below the median";
    if (d.reason() == null) {
      return below;
    }
    return below == null ? d.reason() : below + "; " + d.reason();
  }

  private static ListingView listing(
      String title, String url, String price, String previousPrice, String note) {
    return new ListingView(
        title == null || title.isBlank() ? "(no title)" : oneLine(title),
        SafeUrls.webUrl(url),
        price,
        previousPrice,
        note);
  }

  /** The window's length in days (14 by default). */
  static long days(InsightDigest digest) {
    if (digest.from() == null || digest.to() == null) {
      return 14;
    }
    return Math.max(1, Math.round(Duration.between(digest.from(), digest.to()).toHours() / 24.0));
  }

  /**
   * {@code $129.99} for US dollars, {@code EUR 12.50} for other currencies: a bare symbol would be
   * ambiguous ($ is also the Canadian and Australian dollar's). Same as alert emails.
   */
  static String price(BigDecimal amount, String currencyCode) {
    if (amount == null) {
      return "n/a";
    }
    Currency currency = currency(currencyCode);
    if (currency == null) {
      return (currencyCode == null ? "" : currencyCode + " ") + number(amount, 2);
    }
    if (currency.equals(Currency.getInstance(LOCALE))) {
      NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
      format.setCurrency(currency);
      return format.format(amount);
    }
    return currency.getCurrencyCode()
        + " "
        + number(amount, Math.max(0, currency.getDefaultFractionDigits()));
  }

  /** {@code +5.3%}, {@code -12.0%}, {@code 0.0%}. */
  static String percent(BigDecimal value) {
    if (value == null) {
      return "n/a";
    }
    BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP);
    return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString() + "%";
  }

  /** {@code +$12.00 (+5.3%)}, {@code -$3.50 (-1.2%)}, {@code no change}. */
  static String change(BigDecimal amount, BigDecimal percent, String code) {
    if (amount == null) {
      return "n/a";
    }
    if (amount.signum() == 0) {
      return "no change";
    }
    String sign = amount.signum() > 0 ? "+" : "-";
    return sign
        + price(amount.abs(), code)
        + (percent == null ? "" : " (" + percent(percent) + ")");
  }

  private static String trend(BigDecimal change) {
    if (change == null || change.signum() == 0) {
      return "flat";
    }
    return change.signum() > 0 ? "up" : "down";
  }

  private static String number(BigDecimal amount, int decimals) {
    NumberFormat format = NumberFormat.getNumberInstance(LOCALE);
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    return format.format(amount);
  }

  private static Currency currency(String code) {
    try {
      return code == null ? null : Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * {@code eBay Germany} for {@code EBAY_DE}: eBay's marketplace ids end in the site's ISO 3166
   * country code, whose English name needs no list of marketplaces here. An id of another form is
   * shown as it is; null stays null (a digest stored before alerts had a marketplace).
   */
  static String marketplace(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    String code = id.startsWith("EBAY_") ? id.substring(5) : "";
    if (COUNTRIES.contains(code)) {
      return "eBay " + new Locale.Builder().setRegion(code).build().getDisplayCountry(LOCALE);
    }
    return oneLine(id);
  }

  /** Text on one line: a search phrase goes into the Subject header. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
