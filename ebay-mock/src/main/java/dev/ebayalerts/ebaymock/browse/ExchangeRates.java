package dev.ebayalerts.ebaymock.browse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exchange rates eBay converts foreign sellers' prices with. They move once a day (UTC), a
 * fraction of a percent at a time and a few percent over weeks, so a converted price changes while
 * the seller's own price stays put.
 */
final class ExchangeRates {

  /** Roughly what one unit was worth in US dollars in 2025. */
  private static final Map<String, Double> USD_VALUE =
      Map.of("USD", 1.0, "EUR", 1.09, "GBP", 1.28, "CAD", 0.73, "AUD", 0.66);

  private static final long DAY = 86_400;

  private static final Map<String, double[]> PHASES =
      USD_VALUE.keySet().stream()
          .collect(
              Collectors.toMap(
                  currency -> currency,
                  currency -> {
                    long seed = Rng.seedOf(currency);
                    return new double[] {
                      2 * Math.PI * Rng.unit(Rng.mix(seed, 1)),
                      2 * Math.PI * Rng.unit(Rng.mix(seed, 2))
                    };
                  }));

  private ExchangeRates() {}

  /** Amounts in a seller's currency as a site shows them on the day of {@code at}. */
  static Conversion conversion(String from, String to, Instant at) {
    return new Conversion(from, to, rate(from, to, at));
  }

  /** Turns amounts in {@code from} into {@code to}, to the cent. */
  record Conversion(String from, String to, double rate) {

    /** Whether amounts change currency at all. */
    boolean converts() {
      return !from.equals(to);
    }

    BigDecimal apply(BigDecimal amount) {
      if (!converts()) {
        return amount.setScale(2, RoundingMode.HALF_UP);
      }
      return amount.multiply(BigDecimal.valueOf(rate)).setScale(2, RoundingMode.HALF_UP);
    }
  }

  /** How many units of {@code to} one unit of {@code from} buys on the day of {@code at}. */
  static double rate(String from, String to, Instant at) {
    if (from.equals(to)) {
      return 1;
    }
    long day = Math.floorDiv(at.getEpochSecond(), DAY);
    return usdValue(from, day) / usdValue(to, day);
  }

  private static double usdValue(String currency, long day) {
    Double base = USD_VALUE.get(currency);
    if (base == null) {
      throw new IllegalArgumentException("no rate for " + currency);
    }
    if (currency.equals("USD")) {
      return base;
    }
    // Two slow waves per currency with phases of its own: bounded, smooth, never repeating soon.
    double[] phases = PHASES.get(currency);
    double phase1 = phases[0];
    double phase2 = phases[1];
    double drift =
        0.025 * Math.sin(2 * Math.PI * day / 17 + phase1)
            + 0.015 * Math.sin(2 * Math.PI * day / 61 + phase2);
    return base * Math.exp(drift);
  }
}
