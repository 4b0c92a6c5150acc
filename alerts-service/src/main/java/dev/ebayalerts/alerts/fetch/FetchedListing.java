package dev.ebayalerts.alerts.fetch;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A listing as fetched from eBay, reduced to what alerts and their notices use; {@code itemEndDate}
 * is set for auctions.
 */
record FetchedListing(
    String itemId,
    String title,
    BigDecimal price,
    String currency,
    String imageUrl,
    String itemWebUrl,
    String condition,
    String buyingOption,
    String seller,
    Instant itemEndDate) {}
