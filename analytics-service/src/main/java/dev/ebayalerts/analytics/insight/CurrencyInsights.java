package dev.ebayalerts.analytics.insight;

import java.math.BigDecimal;
import java.util.List;

/**
 * The insights of one alert in one currency. Prices are counted once per listing per day (the
 * listing's last price that day), so a listing seen by every 2-minute fetch weighs no more than one
 * seen once a day.
 *
 * @param listingsTracked listings seen in the window
 * @param newListings listings first seen in the window
 * @param todayMedian median of today's (UTC) prices, null if nothing was seen today
 * @param todayVsWindowPercent today's median against the window's, in percent (negative: cheaper)
 * @param typicalPriceStart the daily median on the first day of the window with data
 * @param typicalPriceNow the daily median on the last day with data
 * @param biggestDrops listings whose price fell most from their first price in the window
 * @param atLowest listings still listed whose current price is the lowest they had in the window
 * @param bestDeals listings still listed priced furthest below the window's median, at or above
 *     {@code implausiblyCheapBelow}
 * @param suspicious listings still listed below {@code implausiblyCheapBelow}, cheapest first, each
 *     with its reason ({@link Deal#FAR_BELOW_TYPICAL}): mostly accessories, parts or scams, not
 *     deals
 * @param implausiblyCheapBelow the lower fence: Tukey's on log prices, at most half the median (see
 *     {@link Insights#FIGURES})
 */
public record CurrencyInsights(
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
    List<ListingMove> biggestDrops,
    List<ListingMove> atLowest,
    List<Deal> bestDeals,
    List<Deal> suspicious,
    BigDecimal implausiblyCheapBelow) {}
