package dev.ebayalerts.analytics.insight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How an alert's prices moved over the insight window on its current marketplace, one section per
 * currency: prices of different marketplaces or currencies are never mixed.
 *
 * @param marketplace the eBay marketplace the figures are of, e.g. {@code EBAY_DE}: the alert's
 *     current one; what was seen on another before the alert moved does not count
 */
public record AlertInsights(
    UUID alertId,
    String marketplace,
    Instant from,
    Instant to,
    List<CurrencyInsights> currencies) {}
