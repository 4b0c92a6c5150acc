package dev.ebayalerts.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Callers written before a component was added still build the events they built then. */
class EventContractsTests {

  @Test
  void anAlertWithoutAMarketplaceIsOnEbayUs() {
    AlertState before = TestEvents.alert();
    AlertState withoutMarketplace =
        new AlertState(
            before.id(),
            before.email(),
            before.searchPhrase(),
            before.frequencyMinutes(),
            before.minPrice(),
            before.maxPrice(),
            before.currency(),
            before.condition(),
            before.buyingOption(),
            before.excludeWords(),
            before.active(),
            before.version(),
            before.createdAt(),
            before.updatedAt());

    assertThat(withoutMarketplace.marketplace()).isEqualTo(AlertState.DEFAULT_MARKETPLACE);
    assertThat(withoutMarketplace.marketplace()).isEqualTo("EBAY_US");
    assertThat(
            new AlertState(
                    before.id(),
                    before.email(),
                    before.searchPhrase(),
                    before.frequencyMinutes(),
                    before.minPrice(),
                    before.maxPrice(),
                    before.currency(),
                    before.condition(),
                    before.buyingOption(),
                    before.excludeWords(),
                    before.active(),
                    before.version(),
                    before.createdAt(),
                    before.updatedAt(),
                    null)
                .marketplace())
        .isEqualTo("EBAY_US");
    assertThat(before.marketplace()).isEqualTo("EBAY_DE");
  }

  @Test
  void aFetchWithoutAMarketplaceIsOnEbayUs() {
    UUID alert = UUID.randomUUID();
    Instant at = Instant.parse("2025-03-01T10:15:30Z");

    assertThat(ListingsObserved.of(alert, "leica", List.of()).marketplace()).isEqualTo("EBAY_US");
    assertThat(new ListingsObserved(UUID.randomUUID(), at, alert, "leica", List.of()).marketplace())
        .isEqualTo("EBAY_US");
    assertThat(ListingsObserved.of(alert, "leica", List.of(), "EBAY_FR").marketplace())
        .isEqualTo("EBAY_FR");
  }

  @Test
  void aListingWithoutShippingHasItUnknownNotFree() {
    ObservedListing listing =
        new ObservedListing(
            "v1|1|0",
            "Leica",
            new BigDecimal("10.00"),
            "EUR",
            null,
            null,
            "USED",
            "FIXED_PRICE",
            Instant.parse("2025-03-01T10:15:30Z"));

    assertThat(listing.shippingCost()).isNull();
    assertThat(listing.shippingType()).isNull();
  }
}
