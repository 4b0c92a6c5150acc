package dev.ebayalerts.analytics.insight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How an alert's prices moved over the insight window, one section per currency (prices in
 * different currencies are never mixed).
 */
public record AlertInsights(
    UUID alertId, Instant from, Instant to, List<CurrencyInsights> currencies) {}
