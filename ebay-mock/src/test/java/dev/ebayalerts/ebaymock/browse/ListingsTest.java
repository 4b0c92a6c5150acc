package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ListingsTest {

  private static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");
  private final Listings listings = new Listings(6);
  private final SearchQuery query = SearchQuery.parse("vintage camera");

  @Test
  void isAPureFunctionOfQueryAndTime() {
    assertThat(new Listings(6).activeAt(SearchQuery.parse("CAMERA vintage"), NOW))
        .isEqualTo(listings.activeAt(query, NOW));
  }

  @Test
  void keepsAFewHundredListingsRunning() {
    assertThat(listings.activeAt(query, NOW)).hasSizeBetween(100, 2000);
  }

  @Test
  void runsEveryListingFromItsStartToItsEnd() {
    Listing listing = listings.activeAt(query, NOW).get(0);
    assertThat(listings.activeAt(query, listing.end().minusSeconds(1))).contains(listing);
    assertThat(listings.activeAt(query, listing.end())).doesNotContain(listing);
    assertThat(listing.title()).startsWith("Camera Vintage");
  }

  @Test
  void movesFixedPricesInARandomWalk() {
    Map<Long, Listing> byId = fixedPrice(listings.activeAt(query, NOW));
    Instant later = NOW.plus(Duration.ofDays(2));
    List<Listing> stillRunning =
        byId.values().stream().filter(listing -> listing.end().isAfter(later)).toList();
    long changed =
        stillRunning.stream()
            .filter(
                listing ->
                    !listings
                        .stateAt(listing, NOW)
                        .fixedPrice()
                        .equals(listings.stateAt(listing, later).fixedPrice()))
            .count();
    assertThat(changed).isPositive().isLessThan(stillRunning.size());
  }

  @Test
  void letsTheMarketLevelDriftOverWeeks() {
    BigDecimal now = median(listings.activeAt(query, NOW));
    BigDecimal monthsLater = median(listings.activeAt(query, NOW.plus(Duration.ofDays(90))));
    assertThat(monthsLater).isNotEqualByComparingTo(now);
  }

  @Test
  void raisesAuctionBidsTowardsTheEnd() {
    Listing auction =
        listings.activeAt(query, NOW).stream()
            .filter(listing -> listing.isAuction() && listing.finalBidCount() > 5)
            .findFirst()
            .orElseThrow();
    ListingState early = listings.stateAt(auction, auction.start());
    ListingState late = listings.stateAt(auction, auction.end().minusSeconds(1));
    assertThat(early.bidCount()).isZero();
    assertThat(late.bidCount()).isGreaterThan(early.bidCount());
    assertThat(late.currentBid()).isGreaterThan(early.currentBid());
  }

  private Map<Long, Listing> fixedPrice(List<Listing> active) {
    return active.stream()
        .filter(listing -> !listing.isAuction())
        .collect(Collectors.toMap(Listing::legacyItemId, Function.identity()));
  }

  private BigDecimal median(List<Listing> active) {
    List<BigDecimal> prices =
        active.stream()
            .filter(listing -> !listing.isAuction())
            .map(listing -> listings.stateAt(listing, NOW).fixedPrice())
            .sorted()
            .toList();
    return prices.get(prices.size() / 2);
  }
}
