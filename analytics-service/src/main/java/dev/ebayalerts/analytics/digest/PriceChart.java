package dev.ebayalerts.analytics.digest;

import dev.ebayalerts.analytics.digest.InsightDigest.DayPrices;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimePeriodAnchor;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Draws an alert's price over the insight window as a PNG: the daily lowest, median and highest
 * price, one point per day with data (so a single day still shows). Days are UTC days, as the
 * insights count them.
 */
final class PriceChart {

  static final int WIDTH = 600;
  static final int HEIGHT = 300;

  private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
  private static final Locale LOCALE = Locale.US;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  static {
    // Spring Boot sets this for the application; a chart drawn elsewhere (a unit test) needs it
    // too.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private PriceChart() {}

  static byte[] png(List<DayPrices> days, String currency, Instant from, Instant to) {
    TimeSeriesCollection dataset = new TimeSeriesCollection(UTC);
    dataset.setXPosition(TimePeriodAnchor.MIDDLE);
    dataset.addSeries(series("Highest", days, DayPrices::max));
    dataset.addSeries(series("Median", days, DayPrices::median));
    dataset.addSeries(series("Lowest", days, DayPrices::min));

    DateAxis time = new DateAxis();
    time.setTimeZone(UTC);
    time.setDateFormatOverride(format("MMM d"));
    time.setTickLabelFont(FONT);
    if (from != null && to != null && from.isBefore(to)) {
      // whole UTC days, so the first and the last day's points (drawn at midday) are inside
      LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
      LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(1);
      time.setRange(
          Date.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()),
          Date.from(last.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    NumberAxis price = new NumberAxis();
    price.setAutoRangeIncludesZero(false);
    // a flat price still gets a readable axis around it, not ten ticks of the same amount
    double top =
        days.stream()
            .map(DayPrices::max)
            .filter(Objects::nonNull)
            .mapToDouble(BigDecimal::doubleValue)
            .max()
            .orElse(1);
    price.setAutoRangeMinimumSize(Math.max(1, top * 0.2));
    price.setNumberFormatOverride(priceFormat(currency));
    price.setTickLabelFont(FONT);

    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    style(lines, 0, new Color(0xa1a1aa), 1.5f); // highest
    style(lines, 1, new Color(0x1d4ed8), 3f); // median
    style(lines, 2, new Color(0x15803d), 1.5f); // lowest

    XYPlot plot = new XYPlot(dataset, time, price, lines);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(new Color(0xe4e4e7));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

    JFreeChart chart = new JFreeChart(null, FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(4, 4, 4, 12));
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(FONT);
    legend.setFrame(BlockBorder.NONE);
    legend.setPosition(RectangleEdge.TOP);

    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
    }
    return out.toByteArray();
  }

  private static TimeSeries series(
      String name, List<DayPrices> days, Function<DayPrices, BigDecimal> value) {
    TimeSeries series = new TimeSeries(name);
    for (DayPrices day : days) {
      BigDecimal amount = value.apply(day);
      if (day.day() != null && amount != null) {
        series.addOrUpdate(
            new Day(day.day().getDayOfMonth(), day.day().getMonthValue(), day.day().getYear()),
            amount);
      }
    }
    return series;
  }

  private static void style(XYLineAndShapeRenderer lines, int series, Color color, float width) {
    lines.setSeriesPaint(series, color);
    lines.setSeriesStroke(
        series, new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    double size = width + 4;
    lines.setSeriesShape(series, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
  }

  private static SimpleDateFormat format(String pattern) {
    SimpleDateFormat format = new SimpleDateFormat(pattern, LOCALE);
    format.setTimeZone(UTC);
    return format;
  }

  private static NumberFormat priceFormat(String code) {
    NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
    try {
      if (code != null) {
        format.setCurrency(Currency.getInstance(code));
      }
    } catch (IllegalArgumentException e) {
      format = NumberFormat.getNumberInstance(LOCALE);
    }
    format.setMinimumFractionDigits(0);
    return format;
  }
}
