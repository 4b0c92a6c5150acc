package dev.ebayalerts.ebaymock.browse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a listing ships: within the seller's country and, unless the seller ships domestically only,
 * abroad. Costs are in the seller's currency; a {@code CALCULATED} option has no cost in a search
 * result, as on eBay.
 *
 * @param international null when the seller does not ship abroad
 */
record Shipping(Option domestic, Option international) {

  enum CostType {
    FIXED,
    CALCULATED
  }

  /** One way of shipping; {@code cost} is null for {@code CALCULATED}. */
  record Option(CostType type, BigDecimal cost) {

    boolean isFree() {
      return type == CostType.FIXED && cost.signum() == 0;
    }

    Option scaled(double factor) {
      return cost == null ? this : new Option(type, niceCost(cost.doubleValue() * factor));
    }
  }

  private static final Set<String> EUROZONE = Set.of("DE", "FR", "IT", "ES");
  private static final List<Double> DOMESTIC_SMALL = List.of(3.99, 4.99, 5.99, 7.99);
  private static final List<Double> DOMESTIC_MEDIUM = List.of(7.99, 9.99, 12.99, 14.99);
  private static final List<Double> DOMESTIC_LARGE = List.of(14.99, 19.99, 24.99, 29.99, 39.99);
  private static final List<Double> ABROAD_SMALL = List.of(12.99, 14.99, 19.99, 24.99);
  private static final List<Double> ABROAD_MEDIUM = List.of(24.99, 29.99, 39.99, 49.99);
  private static final List<Double> ABROAD_LARGE = List.of(59.99, 79.99, 99.99);

  /** A listing's shipping, its costs set in {@code currency} when it was listed. */
  static Shipping of(long seed, Catalog.Size size, String currency, Instant listedAt) {
    double toCurrency = ExchangeRates.rate("USD", currency, listedAt);
    double roll = Rng.unit(Rng.mix(seed, 1));
    Option domestic =
        roll < 0.45
            ? new Option(CostType.FIXED, BigDecimal.ZERO.setScale(2))
            : roll < 0.80
                ? fixed(seed, 2, domesticCosts(size), toCurrency)
                : new Option(CostType.CALCULATED, null);
    Option international = null;
    if (Rng.unit(Rng.mix(seed, 3)) < 0.65) {
      double kind = Rng.unit(Rng.mix(seed, 4));
      international =
          kind < 0.05
              ? new Option(CostType.FIXED, BigDecimal.ZERO.setScale(2))
              : kind < 0.75
                  ? fixed(seed, 5, abroadCosts(size), toCurrency)
                  : new Option(CostType.CALCULATED, null);
    }
    return new Shipping(domestic, international);
  }

  /** The option to the buyer's country, or empty when the seller does not ship there. */
  Optional<Option> to(String buyerCountry, String sellerCountry) {
    if (buyerCountry.equals(sellerCountry)) {
      return Optional.of(domestic);
    }
    if (international == null) {
      return Optional.empty();
    }
    // Within the eurozone a parcel costs about half what it costs overseas.
    boolean neighbours = EUROZONE.contains(buyerCountry) && EUROZONE.contains(sellerCountry);
    return Optional.of(neighbours ? international.scaled(0.5) : international);
  }

  private static Option fixed(long seed, int salt, List<Double> usdCosts, double toCurrency) {
    double usd = usdCosts.get(Rng.below(Rng.mix(seed, salt), usdCosts.size()));
    return new Option(CostType.FIXED, niceCost(usd * toCurrency));
  }

  /** Costs as sellers set them: x.99. */
  private static BigDecimal niceCost(double value) {
    return BigDecimal.valueOf(Math.max(1, Math.round(value)))
        .subtract(new BigDecimal("0.01"))
        .setScale(2, RoundingMode.UNNECESSARY);
  }

  private static List<Double> domesticCosts(Catalog.Size size) {
    return switch (size) {
      case SMALL -> DOMESTIC_SMALL;
      case MEDIUM -> DOMESTIC_MEDIUM;
      case LARGE -> DOMESTIC_LARGE;
    };
  }

  private static List<Double> abroadCosts(Catalog.Size size) {
    return switch (size) {
      case SMALL -> ABROAD_SMALL;
      case MEDIUM -> ABROAD_MEDIUM;
      case LARGE -> ABROAD_LARGE;
    };
  }
}
