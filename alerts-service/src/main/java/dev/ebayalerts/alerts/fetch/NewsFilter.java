package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.alert.PriceBasis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides which fetched listings are news for an alert: listings it never told about, and listings
 * whose price fell by at least the alert's minimum drop since it last told about them. A listing
 * that was ended and relisted (a new item id, the same seller and normalised title) counts as the
 * old one, so it is news only when its price dropped.
 *
 * <p>A drop is measured in the seller's own currency: for a foreign seller eBay converts the price
 * at today's rate, and a rate moving is not the seller lowering the price. With prices compared by
 * total, shipping counts too; where the shipping is unknown the item price is compared.
 */
final class NewsFilter {

  private NewsFilter() {}

  /**
   * What the alert last told about a listing.
   *
   * @param price the price told, in the marketplace's currency
   * @param sellerAmount the same in the seller's currency, or null for listings told before it was
   *     kept
   * @param sellerCurrency the currency of {@code sellerAmount}
   */
  record Sent(
      String itemId,
      String seller,
      String normalizedTitle,
      BigDecimal price,
      BigDecimal sellerAmount,
      String sellerCurrency) {

    /** What a run tells about a listing, to be remembered. */
    static Sent of(FetchedListing listing, PriceBasis basis) {
      return new Sent(
          listing.itemId(),
          listing.seller(),
          normalize(listing.title()),
          told(listing, basis),
          NewsFilter.sellerAmountOf(listing, basis),
          listing.sellerCurrency());
    }
  }

  /** A listing to email; {@code previousPrice} is set when it is news because its price dropped. */
  record News(FetchedListing listing, BigDecimal previousPrice) {}

  /**
   * What a run learns: the news, and the relisted listings that are not news, each with the price
   * the alert already told for the listing it replaces (so later drops are measured from it).
   */
  record Decision(List<News> news, Map<String, Sent> relistedAt) {}

  /**
   * The news among the fetched listings, in their order.
   *
   * @param fetched the listings of this run, newest first
   * @param sent what the alert told before, by item id
   * @param minDropPercent the drop that makes a known listing news again
   */
  static List<News> news(
      List<FetchedListing> fetched, Map<String, Sent> sent, BigDecimal minDropPercent) {
    return decide(fetched, sent, minDropPercent, PriceBasis.ITEM).news();
  }

  static Decision decide(
      List<FetchedListing> fetched,
      Map<String, Sent> sent,
      BigDecimal minDropPercent,
      PriceBasis basis) {
    Map<String, Sent> bySellerAndTitle = new HashMap<>();
    sent.values().stream()
        .filter(s -> s.seller() != null)
        .forEach(s -> bySellerAndTitle.put(relistKey(s.seller(), s.normalizedTitle()), s));
    List<News> news = new ArrayList<>();
    Map<String, Sent> relistedAt = new HashMap<>();
    for (FetchedListing listing : fetched) {
      Sent before = sent.get(listing.itemId());
      boolean relisted = false;
      if (before == null && listing.seller() != null) {
        before = bySellerAndTitle.get(relistKey(listing.seller(), normalize(listing.title())));
        relisted = before != null;
      }
      if (before == null) {
        news.add(new News(listing, null));
      } else if (dropped(before, listing, basis, minDropPercent)) {
        news.add(new News(listing, before.price()));
      } else if (relisted) {
        relistedAt.put(listing.itemId(), before);
      }
    }
    return new Decision(news, relistedAt);
  }

  /** The price the alert tells: compared by its basis, the item price where shipping is unknown. */
  static BigDecimal told(FetchedListing listing, PriceBasis basis) {
    BigDecimal compared = listing.comparedPrice(basis);
    return compared != null ? compared : listing.price();
  }

  private static BigDecimal sellerAmountOf(FetchedListing listing, PriceBasis basis) {
    BigDecimal amount = listing.sellerAmount(basis);
    return amount != null ? amount : listing.sellerAmount(PriceBasis.ITEM);
  }

  private static boolean dropped(
      Sent before, FetchedListing listing, PriceBasis basis, BigDecimal minDropPercent) {
    BigDecimal sellerNow = sellerAmountOf(listing, basis);
    if (before.sellerAmount() != null
        && sellerNow != null
        && listing.sellerCurrency() != null
        && listing.sellerCurrency().equals(before.sellerCurrency())) {
      return droppedEnough(before.sellerAmount(), sellerNow, minDropPercent);
    }
    // Told before the seller's currency was kept: the marketplace's price is all there is.
    return droppedEnough(before.price(), told(listing, basis), minDropPercent);
  }

  static boolean droppedEnough(BigDecimal before, BigDecimal now, BigDecimal minDropPercent) {
    if (now.compareTo(before) >= 0) {
      return false;
    }
    BigDecimal threshold =
        before.multiply(BigDecimal.ONE.subtract(minDropPercent.movePointLeft(2)));
    return now.compareTo(threshold.setScale(2, RoundingMode.HALF_UP)) <= 0;
  }

  /**
   * Lower case, punctuation dropped, whitespace collapsed: "iPhone 13 - 128GB!" = "iphone 13
   * 128gb".
   */
  static String normalize(String title) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static String relistKey(String seller, String normalizedTitle) {
    return (seller == null ? "" : seller.toLowerCase(Locale.ROOT)) + "\u0000" + normalizedTitle;
  }
}
