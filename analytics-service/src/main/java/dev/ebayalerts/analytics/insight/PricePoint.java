package dev.ebayalerts.analytics.insight;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One day of an alert's prices in one currency: the spread and the typical (median) price. */
public record PricePoint(
    String currency,
    LocalDate day,
    BigDecimal min,
    BigDecimal median,
    BigDecimal max,
    long listings) {}
