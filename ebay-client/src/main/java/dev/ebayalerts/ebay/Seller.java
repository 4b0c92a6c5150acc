package dev.ebayalerts.ebay;

import java.math.BigDecimal;

/**
 * The seller of a listing.
 *
 * @param username the seller's eBay user name
 * @param feedbackScore the seller's feedback score, or null if eBay did not send it
 * @param feedbackPercentage the share of positive feedback, e.g. {@code 99.7}, or null
 */
public record Seller(String username, Integer feedbackScore, BigDecimal feedbackPercentage) {}
