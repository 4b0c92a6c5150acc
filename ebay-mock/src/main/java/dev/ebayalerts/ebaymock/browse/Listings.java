package dev.ebayalerts.ebaymock.browse;

import dev.ebayalerts.ebaymock.EbayMockProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The listings of a query on a site at a moment, computed rather than stored.
 *
 * <p>Time is cut into 15-minute buckets. Each (query, site, bucket) seeds how many listings started
 * in it and what they are, so a query always sees the same listings at the same moment, new ones
 * appear as time passes and old ones end. Prices move in two random walks: the market level of the
 * query (a moving sum of hourly steps, which keeps it bounded) sets the price of new listings, and
 * each fixed-price listing's seller now and then changes its price, each at its own minute of the
 * hour.
 *
 * <p>What a listing is comes from the {@link Catalog}: the product's price and category, a share of
 * accessories (cases, chargers, empty boxes...) priced far lower in accessory categories, and for
 * products sold in sizes, colours or capacities a share of item groups with two to four variations.
 */
@Component
class Listings {

  static final long BUCKET_SECONDS = Duration.ofMinutes(15).toSeconds();
  static final Duration LONGEST_LISTING = Duration.ofDays(10);
  private static final long HOUR = 3600;
  private static final int MARKET_WINDOW_HOURS = 720;
  private static final int[] AUCTION_DAYS = {1, 3, 5, 7, 10};
  private static final int MAX_TITLE = 80;

  /** The chance per hour that a fixed-price seller revises the price: about every three days. */
  private static final double PRICE_CHANGE_PER_HOUR = 0.015;

  private static final List<String> NEW_WORDS =
      List.of(
          "Brand New",
          "Sealed",
          "NIB",
          "Genuine",
          "Original",
          "Bundle",
          "Limited Edition",
          "Boxed");
  private static final List<String> OPEN_BOX_WORDS =
      List.of("Open Box", "Like New", "Complete", "Tested", "Excellent");
  private static final List<String> USED_WORDS =
      List.of("Used", "Tested", "Working", "Good Condition", "Read Description", "Excellent");
  private static final List<String> NOT_WORKING_WORDS =
      List.of("Not Working", "Cracked", "As Is", "Read Description", "Untested");

  /** The share of used products sold broken or for parts: each says so first in its title. */
  private static final double NOT_WORKING_SHARE = 0.2;

  private static final List<String> ACCESSORY_WORDS =
      List.of("Premium", "Genuine", "Compatible", "Durable", "OEM", "Heavy Duty");

  private final double listingsPerBucket;

  @Autowired
  Listings(EbayMockProperties properties) {
    this(properties.newListingsPerHour());
  }

  Listings(double newListingsPerHour) {
    this.listingsPerBucket = newListingsPerHour * BUCKET_SECONDS / HOUR;
  }

  /** The listings of the query on the site that are running at {@code now}, oldest first. */
  List<Listing> activeAt(SearchQuery query, Marketplace site, Instant now) {
    long querySeed = query.seed();
    long siteSeed = Rng.mix(querySeed, Rng.seedOf(site.name()));
    Catalog.Product product = Catalog.productFor(query);
    // Some queries are busier than others: from half to twice the configured rate.
    double perBucket = listingsPerBucket * (0.5 + 1.5 * Rng.unit(Rng.mix(querySeed, 1)));
    long lastBucket = Math.floorDiv(now.getEpochSecond(), BUCKET_SECONDS);
    long firstBucket = lastBucket - LONGEST_LISTING.toSeconds() / BUCKET_SECONDS;
    MarketLevel market =
        new MarketLevel(
            querySeed, firstBucket * BUCKET_SECONDS / HOUR, now.getEpochSecond() / HOUR);
    List<Listing> active = new ArrayList<>();
    for (long bucket = firstBucket; bucket <= lastBucket; bucket++) {
      long bucketSeed = Rng.mix(siteSeed, bucket);
      int count = poisson(bucketSeed, perBucket);
      for (int i = 0; i < count; i++) {
        long seed = Rng.mix(bucketSeed, 1000 + i);
        Instant start = start(seed, bucket);
        boolean accessory = Rng.unit(Rng.mix(seed, 30)) < product.accessoryShare();
        boolean auction = Rng.unit(Rng.mix(seed, 2)) < (accessory ? 0.15 : 0.35);
        Instant end = start.plus(duration(seed, auction));
        // Most listings of the last ten days have ended: skip them before the costly part.
        if (!start.isAfter(now) && end.isAfter(now)) {
          active.add(listing(product, site, seed, start, end, accessory, auction, market));
        }
      }
    }
    return active;
  }

  /** The prices of one variation of the listing at {@code now}. */
  ListingState stateAt(Listing listing, Listing.Variant variant, Instant now) {
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
      // Buy It Now is only there until the first bid, as on eBay.
      boolean buyItNow = listing.buyingOptions().contains(BuyingOption.FIXED_PRICE) && bids == 0;
      Set<BuyingOption> options = EnumSet.copyOf(listing.buyingOptions());
      if (!buyItNow) {
        options.remove(BuyingOption.FIXED_PRICE);
      }
      return new ListingState(
          buyItNow ? fixedPrice(listing.basePrice() * 1.25) : null,
          cents(current),
          bids,
          null,
          options);
    }
    BigDecimal price =
        fixedPrice(listing.basePrice() * variant.priceFactor() * sellerChanges(listing, now));
    BigDecimal original =
        listing.markdown() > 0 ? fixedPrice(price.doubleValue() * (1 + listing.markdown())) : null;
    return new ListingState(price, null, 0, original, listing.buyingOptions());
  }

  private static Instant start(long seed, long bucket) {
    return Instant.ofEpochSecond(
        bucket * BUCKET_SECONDS + (long) (Rng.unit(Rng.mix(seed, 1)) * BUCKET_SECONDS));
  }

  private static Duration duration(long seed, boolean auction) {
    return auction
        ? Duration.ofDays(AUCTION_DAYS[Rng.below(Rng.mix(seed, 3), AUCTION_DAYS.length)])
        : Duration.ofHours(24 + Rng.below(Rng.mix(seed, 3), 9 * 24));
  }

  private Listing listing(
      Catalog.Product product,
      Marketplace site,
      long seed,
      Instant start,
      Instant end,
      boolean accessory,
      boolean auction,
      MarketLevel market) {
    ListingCondition condition = condition(Rng.unit(Rng.mix(seed, 4)), accessory);
    Seller seller = Seller.of(Rng.mix(seed, 40), site);

    Category category;
    String title;
    double typicalUsd;
    double spread;
    boolean notWorking = false;
    if (accessory) {
      List<Catalog.Accessory> kinds = product.department().accessories();
      Catalog.Accessory kind = kinds.get(Rng.below(Rng.mix(seed, 31), kinds.size()));
      category = kind.category();
      title = title(kind.kind().title(product.title()), ACCESSORY_WORDS, seed, 0);
      // Dearer products have dearer accessories, but never near the product's own price.
      typicalUsd =
          kind.kind().typicalUsd()
              * Math.max(0.5, Math.min(3, Math.sqrt(product.typicalUsd() / 300)));
      spread = 0.4;
    } else {
      category = product.department().product();
      notWorking =
          condition == ListingCondition.USED && Rng.unit(Rng.mix(seed, 13)) < NOT_WORKING_SHARE;
      String stem =
          notWorking
              ? product.title() + (Rng.unit(Rng.mix(seed, 14)) < 0.5 ? " Broken" : " For Parts")
              : product.title();
      title = title(stem, notWorking ? NOT_WORKING_WORDS : conditionWords(condition), seed, 14);
      typicalUsd = product.typicalUsd();
      spread = product.spread();
    }
    double conditionFactor =
        notWorking
            ? 0.45
            : switch (condition) {
              case NEW -> 1.15;
              case OPEN_BOX -> 1.0;
              case USED -> 0.85;
            };
    // Triangular on (-1, 1): most listings near the typical price, a few far off.
    double deviation = Rng.unit(Rng.mix(seed, 5)) + Rng.unit(Rng.mix(seed, 6)) - 1;
    double itemFactor = Math.exp(deviation * spread * 1.2);
    double usd =
        typicalUsd * market.at(start.getEpochSecond() / HOUR) * conditionFactor * itemFactor;
    double basePrice = usd * ExchangeRates.rate("USD", seller.currency(), start);

    Set<BuyingOption> options = EnumSet.noneOf(BuyingOption.class);
    if (auction) {
      options.add(BuyingOption.AUCTION);
      if (Rng.unit(Rng.mix(seed, 7)) < 0.2) {
        options.add(BuyingOption.FIXED_PRICE);
      }
    } else {
      options.add(BuyingOption.FIXED_PRICE);
      if (Rng.unit(Rng.mix(seed, 7)) < 0.25) {
        options.add(BuyingOption.BEST_OFFER);
      }
    }
    double markdown =
        !auction && Rng.unit(Rng.mix(seed, 8)) < 0.2 ? 0.1 + 0.4 * Rng.unit(Rng.mix(seed, 9)) : 0;
    // Sellers of broken things sell them one by one.
    boolean group =
        !accessory && !auction && !notWorking && Rng.unit(Rng.mix(seed, 50)) < product.groupShare();
    return new Listing(
        seed,
        110_000_000_000L + Math.floorMod(seed, 289_999_999_999L),
        title,
        category,
        accessory,
        condition,
        options,
        start,
        end,
        basePrice,
        0.05 + 0.55 * Rng.unit(Rng.mix(seed, 10)),
        (int) Math.floor(Math.pow(Rng.unit(Rng.mix(seed, 11)), 2) * 30),
        markdown,
        Rng.unit(Rng.mix(seed, 12)) >= 0.05,
        seller,
        Shipping.of(Rng.mix(seed, 60), product.department().size(), seller.currency(), start),
        Rng.unit(Rng.mix(seed, 70)) < 0.75,
        group ? variants(seed, product.variations()) : List.of(Listing.Variant.SINGLE));
  }

  private static ListingCondition condition(double roll, boolean accessory) {
    if (accessory) {
      return roll < 0.8 ? ListingCondition.NEW : ListingCondition.USED;
    }
    return roll < 0.45
        ? ListingCondition.NEW
        : roll < 0.55 ? ListingCondition.OPEN_BOX : ListingCondition.USED;
  }

  private static List<String> conditionWords(ListingCondition condition) {
    return switch (condition) {
      case NEW -> NEW_WORDS;
      case OPEN_BOX -> OPEN_BOX_WORDS;
      case USED -> USED_WORDS;
    };
  }

  /**
   * The stem with one to three of the words, leaving {@code reserve} characters of eBay's 80 for
   * the words of variations.
   */
  private static String title(String stem, List<String> pool, long seed, int reserve) {
    Map<String, String> words = new LinkedHashMap<>();
    for (String word : stem.split(" ")) {
      words.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
    }
    StringBuilder title = new StringBuilder(stem);
    int extras = 1 + Rng.below(Rng.mix(seed, 20), 3);
    for (int i = 0; i < extras; i++) {
      String extra = pool.get(Rng.below(Rng.mix(seed, 21 + i), pool.size()));
      if (words.putIfAbsent(extra.toLowerCase(Locale.ROOT), extra) == null
          && title.length() + 1 + extra.length() <= MAX_TITLE - reserve) {
        title.append(' ').append(extra);
      }
    }
    return title.toString();
  }

  /** Two to four different combinations of the dimensions' values. */
  private static List<Listing.Variant> variants(long seed, List<Catalog.Dimension> dimensions) {
    List<int[]> combinations = new ArrayList<>();
    combinations.add(new int[0]);
    for (Catalog.Dimension dimension : dimensions) {
      List<int[]> longer = new ArrayList<>();
      for (int[] prefix : combinations) {
        for (int v = 0; v < dimension.values().size(); v++) {
          int[] next = Arrays.copyOf(prefix, prefix.length + 1);
          next[prefix.length] = v;
          longer.add(next);
        }
      }
      combinations = longer;
    }
    int count = Math.min(combinations.size(), 2 + Rng.below(Rng.mix(seed, 51), 3));
    List<Listing.Variant> variants = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // A partial Fisher-Yates shuffle driven by the seed.
      int j = i + Rng.below(Rng.mix(seed, 52, i), combinations.size() - i);
      int[] picked = combinations.get(j);
      combinations.set(j, combinations.get(i));
      combinations.set(i, picked);
      List<String> words = new ArrayList<>();
      double factor = 1;
      for (int d = 0; d < dimensions.size(); d++) {
        words.add(dimensions.get(d).values().get(picked[d]));
        factor *= dimensions.get(d).priceFactors().get(picked[d]);
      }
      variants.add(
          new Listing.Variant(
              100_000_000_000L + Math.floorMod(Rng.mix(seed, 53, i), 899_999_999_999L),
              String.join(" ", words),
              factor));
    }
    return List.copyOf(variants);
  }

  /**
   * Sellers change the price now and then, more often down than up, within limits. Each listing has
   * its own minute of the hour for it, so changes trickle in rather than all at the hour.
   */
  private static double sellerChanges(Listing listing, Instant now) {
    long offset = (long) (Rng.unit(Rng.mix(listing.seed(), 99)) * HOUR);
    double logFactor = 0;
    long fromHour = Math.floorDiv(listing.start().getEpochSecond() - offset, HOUR) + 1;
    long toHour = Math.floorDiv(now.getEpochSecond() - offset, HOUR);
    for (long hour = fromHour; hour <= toHour; hour++) {
      long stepSeed = Rng.mix(listing.seed(), 100, hour);
      if (Rng.unit(stepSeed) < PRICE_CHANGE_PER_HOUR) {
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

  /** Prices as sellers set them: x.99 above 5, to the cent below. */
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
   * Neighbouring hours differ little, months apart they differ a lot (about ±10%), and it never
   * runs away. Steps are whole numbers so that sums are exact, whichever hour the window starts at.
   */
  private static final class MarketLevel {

    private static final int STEP = 1000;

    private final long firstHour;
    private final long[] prefix;

    MarketLevel(long seed, long fromHour, long toHour) {
      this.firstHour = fromHour - MARKET_WINDOW_HOURS;
      int length = (int) (toHour - firstHour + 1);
      this.prefix = new long[length + 1];
      for (int i = 0; i < length; i++) {
        prefix[i + 1] =
            prefix[i] + Rng.below(Rng.mix(seed, 50, firstHour + i), 2 * STEP + 1) - STEP;
      }
    }

    double at(long hour) {
      int end = (int) (hour - firstHour + 1);
      if (end < MARKET_WINDOW_HOURS || end >= prefix.length) {
        throw new IllegalArgumentException("hour outside the precomputed range: " + hour);
      }
      return Math.exp(0.006 * (prefix[end] - prefix[end - MARKET_WINDOW_HOURS]) / STEP);
    }
  }
}
