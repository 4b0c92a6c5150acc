package dev.ebayalerts.alerts.fetch;

import java.math.BigDecimal;

/** A listing as fetched from eBay, reduced to what alerts and their emails use. */
record FetchedListing(
    String itemId,
    String title,
    BigDecimal price,
    String currency,
    String imageUrl,
    String itemWebUrl,
    String condition,
    String buyingOption,
    String seller) {}
