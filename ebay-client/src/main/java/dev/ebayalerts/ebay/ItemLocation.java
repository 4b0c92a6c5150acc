package dev.ebayalerts.ebay;

/**
 * Where a listed item is, from eBay's {@code itemLocation}. Every part may be missing.
 *
 * @param country the ISO 3166 alpha-2 code, e.g. {@code DE}, or null
 * @param postalCode the postal code as eBay shows it, which it anonymises (e.g. {@code 900**}), or
 *     null
 * @param city the city, or null; eBay sends it in searches only with {@code fieldgroups=EXTENDED},
 *     which this client does not ask for, so it is usually null
 */
public record ItemLocation(String country, String postalCode, String city) {}
