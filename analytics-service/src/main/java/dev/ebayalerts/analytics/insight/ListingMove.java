package dev.ebayalerts.analytics.insight;

import java.math.BigDecimal;

/**
 * A listing's price from {@code oldPrice} to {@code newPrice}; {@code changePercent} < 0 is a drop.
 */
public record ListingMove(
    String itemId,
    String title,
    String itemWebUrl,
    BigDecimal oldPrice,
    BigDecimal newPrice,
    BigDecimal changePercent) {}
