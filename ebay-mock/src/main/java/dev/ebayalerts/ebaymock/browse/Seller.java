package dev.ebayalerts.ebaymock.browse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A seller: where they are, which site they list on (and so the currency of their prices) and what
 * eBay shows about them. Everything follows from the username, so a seller looks the same in every
 * listing.
 *
 * @param postalCode masked as eBay masks it, e.g. {@code 900**}
 */
record Seller(
    String username,
    int feedbackScore,
    String feedbackPercentage,
    Marketplace home,
    String city,
    String postalCode) {

  /** The share of a site's listings whose seller is abroad. */
  static final double FOREIGN_SHARE = 0.15;

  private static final List<String> NAMES =
      List.of(
          "gadget_hub",
          "retro_finds",
          "bargain_bin",
          "mint_condition_co",
          "the_trading_post",
          "second_life_goods",
          "dealzone",
          "collectors_corner",
          "attic_treasures",
          "quickship_outlet");
  private static final int PER_NAME = 40;

  /** Every seller there can be (names × numbers × sites), each worked out once. */
  private static final Map<String, Seller> KNOWN = new ConcurrentHashMap<>();

  private record Place(String city, String postalCode) {}

  private static final Map<Marketplace, List<Place>> PLACES =
      Map.of(
          Marketplace.EBAY_US,
          List.of(
              new Place("Los Angeles", "900**"),
              new Place("Brooklyn", "112**"),
              new Place("Chicago", "606**"),
              new Place("Houston", "770**"),
              new Place("Columbus", "432**"),
              new Place("Miami", "331**"),
              new Place("Seattle", "981**"),
              new Place("Denver", "802**")),
          Marketplace.EBAY_GB,
          List.of(
              new Place("London", "SW1***"),
              new Place("Manchester", "M14***"),
              new Place("Birmingham", "B15***"),
              new Place("Leeds", "LS6***"),
              new Place("Glasgow", "G12***")),
          Marketplace.EBAY_DE,
          List.of(
              new Place("Berlin", "101**"),
              new Place("Hamburg", "201**"),
              new Place("München", "803**"),
              new Place("Köln", "506**")),
          Marketplace.EBAY_FR,
          List.of(
              new Place("Paris", "750**"),
              new Place("Lyon", "690**"),
              new Place("Marseille", "130**"),
              new Place("Toulouse", "310**")),
          Marketplace.EBAY_IT,
          List.of(
              new Place("Roma", "001**"),
              new Place("Milano", "201**"),
              new Place("Napoli", "801**"),
              new Place("Torino", "101**")),
          Marketplace.EBAY_ES,
          List.of(
              new Place("Madrid", "280**"),
              new Place("Barcelona", "080**"),
              new Place("Valencia", "460**"),
              new Place("Sevilla", "410**")),
          Marketplace.EBAY_CA,
          List.of(
              new Place("Toronto", "M5V***"),
              new Place("Vancouver", "V6B***"),
              new Place("Calgary", "T3P***"),
              new Place("Montréal", "H2X***")),
          Marketplace.EBAY_AU,
          List.of(
              new Place("Sydney", "20**"),
              new Place("Melbourne", "30**"),
              new Place("Brisbane", "40**"),
              new Place("Perth", "60**")));

  String country() {
    return home.country();
  }

  /** The currency the seller prices in: that of the site they list on. */
  String currency() {
    return home.currency();
  }

  /** The seller of a listing on {@code site}: mostly someone local, now and then someone abroad. */
  static Seller of(long seed, Marketplace site) {
    Marketplace home = site;
    if (Rng.unit(Rng.mix(seed, 1)) < FOREIGN_SHARE) {
      // Any other site: skip this one among the others.
      int other = Rng.below(Rng.mix(seed, 2), Marketplace.values().length - 1);
      home = Marketplace.values()[other >= site.ordinal() ? other + 1 : other];
    }
    String name = NAMES.get(Rng.below(Rng.mix(seed, 3), NAMES.size()));
    int number = 1 + Rng.below(Rng.mix(seed, 4), PER_NAME);
    return at(home, name, number);
  }

  private static Seller at(Marketplace home, String name, int number) {
    String suffix =
        home == Marketplace.EBAY_US ? "" : "_" + home.country().toLowerCase(Locale.ROOT);
    return KNOWN.computeIfAbsent(name + suffix + "_" + number, username -> named(username, home));
  }

  private static Seller named(String username, Marketplace home) {
    long seed = Rng.seedOf(username);
    List<Place> places = PLACES.get(home);
    Place place = places.get(Rng.below(Rng.mix(seed, 1), places.size()));
    return new Seller(
        username,
        (int) Math.exp(Rng.unit(Rng.mix(seed, 2)) * Math.log(50_000)),
        BigDecimal.valueOf(950 + Rng.below(Rng.mix(seed, 3), 51), 1).toPlainString(),
        home,
        place.city(),
        place.postalCode());
  }
}
