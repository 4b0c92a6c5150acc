package dev.ebayalerts.alerts.notifier;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How cheap is too cheap to be the item, from the search's own prices: Tukey's lower fence on log
 * prices, {@code exp(q1 - 1.5 (q3 - q1))}, never above half the median. analytics-service uses the
 * same rule in SQL for its "best deals" (there in the 14-day window, here in the run's results). On
 * real eBay such listings are mostly accessories, parts, "box only" or scams: they are still told,
 * flagged "far below typical: check it is the item".
 *
 * <p>With Q1 $42.00, median $46.99 and Q3 $49.99 the fence is $23.50 (Tukey gives $32.34, capped at
 * half the median): a $35.24 listing (25 % under) is a deal, a $1.60 one is flagged.
 */
final class PriceFence {

  /** Fewer prices than this say too little about the search to flag anything. */
  static final int MIN_PRICES = 8;

  private PriceFence() {}

  /** The fence, or null when there are fewer than {@value #MIN_PRICES} prices. */
  static BigDecimal lowerFence(List<BigDecimal> prices) {
    double[] logs =
        prices.stream()
            .filter(Objects::nonNull)
            .filter(p -> p.signum() > 0)
            .mapToDouble(p -> Math.log(p.doubleValue()))
            .sorted()
            .toArray();
    if (logs.length < MIN_PRICES) {
      return null;
    }
    double q1 = quantile(logs, 0.25);
    double q3 = quantile(logs, 0.75);
    double median = Math.exp(quantile(logs, 0.5));
    double tukey = Math.exp(q1 - 1.5 * (q3 - q1));
    return BigDecimal.valueOf(Math.min(tukey, median / 2))
        .setScale(2, java.math.RoundingMode.HALF_UP);
  }

  /** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
  static double quantile(double[] sorted, double q) {
    double rank = q * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
  }
}
