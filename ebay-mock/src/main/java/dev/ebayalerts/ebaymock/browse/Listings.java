package dev.ebayalerts.ebaymock.browse;

import dev.ebayalerts.ebaymock.EbayMockProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The listings of a query at a moment, computed rather than stored.
 *
 * <p>Time is cut into 15-minute buckets. Each (query, bucket) pair seeds how many listings started
 * in it and what they are, so a query always sees the same listings at the same moment, new ones
 * appear as time passes and old ones end. Prices move in two random walks: the market level of the
 * query (a moving sum of hourly steps, which keeps it bounded) sets the price of new listings, and
 * each fixed-price listing's seller now and then changes its price.
 */
@Component
class Listings {

  static final long BUCKET_SECONDS = Duration.ofMinutes(15).toSeconds();
  static final Duration LONGEST_LISTING = Duration.ofDays(10);
  private static final long HOUR = 3600;
  private static final int MARKET_WINDOW_HOURS = 720;
  private static final int[] AUCTION_DAYS = {1, 3, 5, 7, 10};
  private static final String[] EXTRA_WORDS = {
    "Bundle",
    "Lot",
    "Original",
    "Boxed",
    "Genuine",
    "Vintage",
    "Rare",
    "Tested",
    "Working",
    "Broken",
    "Parts",
    "Excellent",
    "Sealed",
    "Refurbished",
    "Limited",
    "Edition",
    "Case",
    "Complete",
    "Black",
    "White",
    "Silver",
    "Blue",
    "Pro",
    "Mini",
    "Max",
    "Deluxe"
  };
  private static final String[] SELLERS = {
    "gadget_hub", "retro_finds", "bargain_bin", "mint_condition_co", "the_trading_post",
    "second_life_goods", "dealzone", "collectors_corner", "attic_treasures", "quickship_outlet"
  };

  private final double listingsPerBucket;

  @Autowired
  Listings(EbayMockProperties properties) {
    this(properties.newListingsPerHour());
  }

  Listings(double newListingsPerHour) {
    this.listingsPerBucket = newListingsPerHour * BUCKET_SECONDS / HOUR;
  }

  /** The listings of the query that are running at {@code now}, oldest first. */
  List<Listing> activeAt(SearchQuery query, Instant now) {
    long seed = query.seed();
    // Some queries are busier than others: from half to twice the configured rate.
    double perBucket = listingsPerBucket * (0.5 + 1.5 * Rng.unit(Rng.mix(seed, 1)));
    // From $5 to $2,000, spread evenly on a log scale.
    double queryPrice = Math.exp(Math.log(5) + Rng.unit(Rng.mix(seed, 2)) * Math.log(400));
    long lastBucket = Math.floorDiv(now.getEpochSecond(), BUCKET_SECONDS);
    long firstBucket = lastBucket - LONGEST_LISTING.toSeconds() / BUCKET_SECONDS;
    MarketLevel market =
        new MarketLevel(seed, firstBucket * BUCKET_SECONDS / HOUR, now.getEpochSecond() / HOUR);
    List<Listing> active = new ArrayList<>();
    for (long bucket = firstBucket; bucket <= lastBucket; bucket++) {
      long bucketSeed = Rng.mix(seed, bucket);
      int count = poisson(bucketSeed, perBucket);
      for (int i = 0; i < count; i++) {
        Listing listing = listing(query, Rng.mix(bucketSeed, 1000 + i), bucket, queryPrice, market);
        if (!listing.start().isAfter(now) && listing.end().isAfter(now)) {
          active.add(listing);
        }
      }
    }
    return active;
  }

  /** The listing's prices at {@code now}. */
  ListingState stateAt(Listing listing, Instant now) {
    if (listing.isAuction()) {
      double progress =
          (double) Duration.between(listing.start(), now).toSeconds()
              / Duration.between(listing.start(), listing.end()).toSeconds();
      int bids = (int) Math.floor(listing.finalBidCount() * Math.pow(progress, 1.5));
      double startBid = listing.basePrice() * listing.startBidFactor();
      double current =
          bids == 0
              ? startBid
              : startBid
                  + (listing.basePrice() - startBid) * ((double) bids / listing.finalBidCount());
      BigDecimal buyItNow =
          listing.buyingOptions().contains(BuyingOption.FIXED_PRICE)
              ? fixedPrice(listing.basePrice() * 1.25)
              : null;
      return new ListingState(buyItNow, cents(current), bids, null);
    }
    BigDecimal price = fixedPrice(listing.basePrice() * sellerChanges(listing, now));
    BigDecimal original =
        listing.markdown() > 0 ? fixedPrice(price.doubleValue() * (1 + listing.markdown())) : null;
    return new ListingState(price, null, 0, original);
  }

  private Listing listing(
      SearchQuery query, long seed, long bucket, double queryPrice, MarketLevel market) {
    Instant start =
        Instant.ofEpochSecond(
            bucket * BUCKET_SECONDS + (long) (Rng.unit(Rng.mix(seed, 1)) * BUCKET_SECONDS));
    boolean auction = Rng.unit(Rng.mix(seed, 2)) < 0.35;
    Duration duration =
        auction
            ? Duration.ofDays(AUCTION_DAYS[Rng.below(Rng.mix(seed, 3), AUCTION_DAYS.length)])
            : Duration.ofHours(24 + Rng.below(Rng.mix(seed, 3), 9 * 24));
    double conditionRoll = Rng.unit(Rng.mix(seed, 4));
    ListingCondition condition =
        conditionRoll < 0.45
            ? ListingCondition.NEW
            : conditionRoll < 0.55 ? ListingCondition.OPEN_BOX : ListingCondition.USED;
    double conditionFactor =
        switch (condition) {
          case NEW -> 1.0;
          case OPEN_BOX -> 0.85;
          case USED -> 0.65;
        };
    double itemFactor = Math.exp((Rng.unit(Rng.mix(seed, 5)) - 0.5) * 0.6);
    double basePrice =
        queryPrice * market.at(start.getEpochSecond() / HOUR) * conditionFactor * itemFactor;
    Set<BuyingOption> options = EnumSet.noneOf(BuyingOption.class);
    if (auction) {
      options.add(BuyingOption.AUCTION);
      if (Rng.unit(Rng.mix(seed, 6)) < 0.2) {
        options.add(BuyingOption.FIXED_PRICE);
      }
    } else {
      options.add(BuyingOption.FIXED_PRICE);
      if (Rng.unit(Rng.mix(seed, 6)) < 0.25) {
        options.add(BuyingOption.BEST_OFFER);
      }
    }
    double markdown =
        !auction && Rng.unit(Rng.mix(seed, 7)) < 0.2 ? 0.1 + 0.4 * Rng.unit(Rng.mix(seed, 8)) : 0;
    return new Listing(
        seed,
        110_000_000_000L + Math.floorMod(seed, 889_999_999_999L),
        title(query, seed),
        condition,
        options,
        start,
        start.plus(duration),
        basePrice,
        0.05 + 0.55 * Rng.unit(Rng.mix(seed, 9)),
        (int) Math.floor(Math.pow(Rng.unit(Rng.mix(seed, 10)), 2) * 30),
        markdown,
        Rng.unit(Rng.mix(seed, 11)) >= 0.05,
        SELLERS[Rng.below(Rng.mix(seed, 12), SELLERS.length)]
            + "_"
            + Math.floorMod(Rng.mix(seed, 13), 1000),
        (int) Math.exp(Rng.unit(Rng.mix(seed, 14)) * Math.log(50_000)),
        BigDecimal.valueOf(950 + Rng.below(Rng.mix(seed, 15), 51), 1).toPlainString());
  }

  private static String title(SearchQuery query, long seed) {
    Set<String> words = new LinkedHashSet<>();
    for (String term : query.terms()) {
      words.add(term.substring(0, 1).toUpperCase(Locale.ROOT) + term.substring(1));
    }
    int extras = 1 + Rng.below(Rng.mix(seed, 20), 3);
    for (int i = 0; i < extras; i++) {
      words.add(EXTRA_WORDS[Rng.below(Rng.mix(seed, 21 + i), EXTRA_WORDS.length)]);
    }
    return words.stream().collect(Collectors.joining(" "));
  }

  /** Sellers change the price now and then, mostly downwards, within limits. */
  private static double sellerChanges(Listing listing, Instant now) {
    double logFactor = 0;
    long fromHour = listing.start().getEpochSecond() / HOUR + 1;
    long toHour = now.getEpochSecond() / HOUR;
    for (long hour = fromHour; hour <= toHour; hour++) {
      long stepSeed = Rng.mix(listing.seed(), 100, hour);
      if (Rng.unit(stepSeed) < 0.08) {
        logFactor += (Rng.unit(Rng.mix(stepSeed, 1)) - 0.6) * 0.2;
      }
    }
    return Math.exp(Math.max(Math.log(0.5), Math.min(Math.log(1.6), logFactor)));
  }

  /** Knuth's Poisson draw, fed from the seed instead of a generator. */
  private static int poisson(long seed, double mean) {
    double limit = Math.exp(-mean);
    double product = 1;
    int k = 0;
    do {
      k++;
      product *= Rng.unit(Rng.mix(seed, k));
    } while (product > limit && k < 100);
    return k - 1;
  }

  /** Prices as sellers set them: x.99 above $5, to the cent below. */
  private static BigDecimal fixedPrice(double value) {
    if (value < 5) {
      return cents(value);
    }
    return BigDecimal.valueOf(Math.floor(value)).subtract(new BigDecimal("0.01"));
  }

  private static BigDecimal cents(double value) {
    return BigDecimal.valueOf(Math.max(0.01, value)).setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * A query's market level per hour: the exponential of a moving sum of the last 720 hourly steps.
   * Neighbouring hours differ little, months apart they differ a lot, and it never runs away.
   */
  private static final class MarketLevel {

    private final long firstHour;
    private final double[] prefix;

    MarketLevel(long seed, long fromHour, long toHour) {
      this.firstHour = fromHour - MARKET_WINDOW_HOURS;
      int length = (int) (toHour - firstHour + 1);
      this.prefix = new double[length + 1];
      for (int i = 0; i < length; i++) {
        prefix[i + 1] = prefix[i] + (2 * Rng.unit(Rng.mix(seed, 50, firstHour + i)) - 1);
      }
    }

    double at(long hour) {
      int end = (int) (hour - firstHour + 1);
      if (end < MARKET_WINDOW_HOURS || end >= prefix.length) {
        throw new IllegalArgumentException("hour outside the precomputed range: " + hour);
      }
      return Math.exp(0.012 * (prefix[end] - prefix[end - MARKET_WINDOW_HOURS]));
    }
  }
}
