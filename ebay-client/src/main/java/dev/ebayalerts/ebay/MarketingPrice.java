package dev.ebayalerts.ebay;

import java.math.BigDecimal;

/**
 * A discount the seller advertises, e.g. a struck-through original price.
 *
 * @param originalPrice the price before the discount, or null
 * @param discountPercentage the discount in percent, e.g. {@code 20}, or null
 * @param discountAmount the discount as an amount, or null
 * @param priceTreatment how eBay shows it, e.g. {@code LIST_PRICE} or {@code MARKDOWN}, or null
 */
public record MarketingPrice(
    Money originalPrice,
    BigDecimal discountPercentage,
    Money discountAmount,
    String priceTreatment) {}
