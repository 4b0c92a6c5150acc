package dev.ebayalerts.analytics.insight;

import java.math.BigDecimal;

/** A listing priced {@code belowMedianPercent} percent below the window's median. */
public record Deal(
    String itemId,
    String title,
    String itemWebUrl,
    BigDecimal price,
    BigDecimal belowMedianPercent) {}
