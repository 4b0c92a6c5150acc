package dev.ebayalerts.pubsub;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sample events whose values are chosen to catch lossy JSON: scales, nanos, nulls. */
final class TestEvents {

  private TestEvents() {}

  static AlertState alert() {
    return new AlertState(
        UUID.randomUUID(),
        "buyer@example.com",
        "leica m6",
        15,
        new BigDecimal("100.00"),
        null,
        "EUR",
        "USED",
        "FIXED_PRICE",
        List.of("broken", "parts"),
        true,
        3L,
        Instant.parse("2025-03-01T10:15:30.123456789Z"),
        Instant.parse("2025-03-02T08:00:00Z"),
        "EBAY_DE");
  }

  static AlertCreated alertCreated() {
    return AlertCreated.of(alert());
  }

  static AlertUpdated alertUpdated() {
    return AlertUpdated.of(alert());
  }

  static AlertDeleted alertDeleted() {
    return AlertDeleted.of(alert());
  }

  static ListingsObserved listingsObserved() {
    return ListingsObserved.of(
        UUID.randomUUID(),
        "leica m6",
        List.of(
            new ObservedListing(
                "v1|1234|0",
                "Leica M6 \"Classic\" – ünïcode",
                new BigDecimal("1899.90"),
                "EUR",
                "https://www.ebay.de/itm/1234",
                null,
                "USED",
                "FIXED_PRICE",
                Instant.parse("2025-03-01T10:15:31.000000001Z"),
                new BigDecimal("4.90"),
                "FIXED"),
            new ObservedListing(
                "v1|5678|0",
                "Leica M6 body",
                new BigDecimal("1E+3"),
                "EUR",
                "https://www.ebay.de/itm/5678",
                "https://i.ebayimg.com/5678.jpg",
                "USED",
                "AUCTION",
                Instant.parse("2025-03-01T10:15:31Z"),
                null,
                "CALCULATED"),
            // free shipping is a cost of zero, not an unknown one
            new ObservedListing(
                "v1|9012|0",
                "Leica M6 strap",
                new BigDecimal("25.00"),
                "EUR",
                "https://www.ebay.de/itm/9012",
                null,
                "NEW",
                "FIXED_PRICE",
                Instant.parse("2025-03-01T10:15:31Z"),
                new BigDecimal("0.00"),
                "FIXED")),
        "EBAY_DE");
  }

  /**
   * A search run's worth of listings with eBay-sized titles and links and their shipping (about 410
   * bytes each).
   */
  static ListingsObserved listingsObserved(int count) {
    Instant now = Instant.now();
    List<ObservedListing> listings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long item = 100_000_000_000L + i;
      listings.add(
          new ObservedListing(
              "v1|" + item + "|0",
              "Leica M6 TTL 0.72 black chrome 35mm rangefinder film camera body, serviced " + i,
              new BigDecimal("1899.90").add(BigDecimal.valueOf(i)),
              "EUR",
              "https://www.ebay.de/itm/" + item,
              "https://i.ebayimg.com/images/g/AbCdEfGhIjKlMnOp/s-l225.jpg?item=" + item,
              "USED",
              "FIXED_PRICE",
              now,
              new BigDecimal("14.90"),
              "FIXED"));
    }
    return ListingsObserved.of(UUID.randomUUID(), "leica m6 ttl black", listings, "EBAY_DE");
  }

  static List<Event> oneOfEach() {
    return List.of(alertCreated(), alertUpdated(), alertDeleted(), listingsObserved());
  }
}
