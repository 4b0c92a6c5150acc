package dev.ebayalerts.analytics.insight;

import java.math.BigDecimal;
import java.time.Instant;

/** A listing's price as one observation run saw it. */
public record ListingPrice(Instant at, BigDecimal price, String currency) {}
