package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingsTests {

  private static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");
  private final Listings listings = new Listings(6);
  private final SearchQuery query = SearchQuery.parse("vintage camera");

  @Test
  void isAPureFunctionOfQuerySiteAndTime() {
    assertThat(
            new Listings(6).activeAt(SearchQuery.parse("CAMERA vintage"), Marketplace.EBAY_US, NOW))
        .isEqualTo(listings.activeAt(query, Marketplace.EBAY_US, NOW));
  }

  @Test
  void listsOtherItemsOnOtherSites() {
    List<Long> us = ids(listings.activeAt(query, Marketplace.EBAY_US, NOW));
    List<Long> de = ids(listings.activeAt(query, Marketplace.EBAY_DE, NOW));
    assertThat(us).doesNotContainAnyElementsOf(de);
  }

  @Test
  void keepsAFewHundredListingsRunning() {
    assertThat(listings.activeAt(query, Marketplace.EBAY_US, NOW)).hasSizeBetween(100, 2000);
  }

  @Test
  void runsEveryListingFromItsStartToItsEnd() {
    Listing listing = listings.activeAt(query, Marketplace.EBAY_US, NOW).get(0);
    assertThat(listings.activeAt(query, Marketplace.EBAY_US, listing.end().minusSeconds(1)))
        .contains(listing);
    assertThat(listings.activeAt(query, Marketplace.EBAY_US, listing.end()))
        .doesNotContain(listing);
    assertThat(listing.title()).contains("Vintage Camera");
  }

  @Test
  void movesFixedPricesInARandomWalk() {
    Instant later = NOW.plus(Duration.ofDays(2));
    List<Listing> stillRunning =
        fixedPrice(listings.activeAt(query, Marketplace.EBAY_US, NOW)).stream()
            .filter(listing -> listing.end().isAfter(later))
            .toList();
    long changed =
        stillRunning.stream()
            .filter(listing -> !price(listing, NOW).equals(price(listing, later)))
            .count();
    assertThat(changed).isPositive().isLessThan(stillRunning.size());
  }

  @Test
  void letsSomeSellersDropTheirPriceByFivePercentOrMoreWithinHours() {
    Listings busy = new Listings(24);
    Instant later = NOW.plus(Duration.ofHours(6));
    long drops =
        fixedPrice(busy.activeAt(SearchQuery.parse("iphone 13"), Marketplace.EBAY_US, NOW)).stream()
            .filter(listing -> listing.end().isAfter(later))
            .filter(
                listing ->
                    price(listing, later).doubleValue() <= 0.95 * price(listing, NOW).doubleValue())
            .count();
    assertThat(drops).isPositive();
  }

  @Test
  void letsTheMarketLevelDriftOverWeeks() {
    BigDecimal now = median(listings.activeAt(query, Marketplace.EBAY_US, NOW), NOW);
    Instant monthsLater = NOW.plus(Duration.ofDays(90));
    BigDecimal later =
        median(listings.activeAt(query, Marketplace.EBAY_US, monthsLater), monthsLater);
    assertThat(later).isNotEqualByComparingTo(now);
  }

  @Test
  void raisesAuctionBidsTowardsTheEnd() {
    Listing auction =
        listings.activeAt(query, Marketplace.EBAY_US, NOW).stream()
            .filter(listing -> listing.isAuction() && listing.finalBidCount() > 5)
            .findFirst()
            .orElseThrow();
    ListingState early = listings.stateAt(auction, Listing.Variant.SINGLE, auction.start());
    ListingState late =
        listings.stateAt(auction, Listing.Variant.SINGLE, auction.end().minusSeconds(1));
    assertThat(early.bidCount()).isZero();
    assertThat(late.bidCount()).isGreaterThan(early.bidCount());
    assertThat(late.currentBid()).isGreaterThan(early.currentBid());
  }

  @Test
  void dropsBuyItNowWithTheFirstBid() {
    Listing auction =
        listings.activeAt(query, Marketplace.EBAY_US, NOW).stream()
            .filter(
                listing ->
                    listing.buyingOptions().contains(BuyingOption.AUCTION)
                        && listing.buyingOptions().contains(BuyingOption.FIXED_PRICE)
                        && listing.finalBidCount() > 5)
            .findFirst()
            .orElseThrow();
    ListingState early = listings.stateAt(auction, Listing.Variant.SINGLE, auction.start());
    ListingState late =
        listings.stateAt(auction, Listing.Variant.SINGLE, auction.end().minusSeconds(1));
    assertThat(early.buyingOptions()).contains(BuyingOption.FIXED_PRICE);
    assertThat(early.fixedPrice()).isNotNull();
    assertThat(late.buyingOptions()).containsExactly(BuyingOption.AUCTION);
    assertThat(late.fixedPrice()).isNull();
  }

  @Test
  void pricesVariationsOfAGroupEachTheirOwnWay() {
    Listing group =
        new Listings(24)
            .activeAt(SearchQuery.parse("iphone 13"), Marketplace.EBAY_US, NOW).stream()
                .filter(Listing::isGroup)
                .filter(
                    listing ->
                        listing.variants().stream()
                                .map(Listing.Variant::priceFactor)
                                .distinct()
                                .count()
                            > 1)
                .findFirst()
                .orElseThrow();
    List<BigDecimal> prices =
        group.variants().stream().map(v -> listings.stateAt(group, v, NOW).fixedPrice()).toList();
    assertThat(prices.stream().distinct().count()).isGreaterThan(1);
    assertThat(group.variants()).hasSizeBetween(2, 4);
    assertThat(group.variants())
        .allSatisfy(v -> assertThat(v.variationId()).isPositive())
        .extracting(Listing.Variant::words)
        .doesNotHaveDuplicates();
  }

  private static List<Long> ids(List<Listing> active) {
    return active.stream().map(Listing::legacyItemId).toList();
  }

  private static List<Listing> fixedPrice(List<Listing> active) {
    return active.stream().filter(listing -> !listing.isAuction()).toList();
  }

  private BigDecimal price(Listing listing, Instant at) {
    return listings.stateAt(listing, listing.variants().get(0), at).fixedPrice();
  }

  private BigDecimal median(List<Listing> active, Instant at) {
    List<BigDecimal> prices =
        fixedPrice(active).stream().map(listing -> price(listing, at)).sorted().toList();
    return prices.get(prices.size() / 2);
  }
}
