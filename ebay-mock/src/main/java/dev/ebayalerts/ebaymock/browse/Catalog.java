package dev.ebayalerts.ebaymock.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a query is about: the product it names, what that sells for, where eBay files it, which
 * accessories clutter its results and which variations its sellers offer.
 *
 * <p>Well-known products are matched by their words (the most specific entry wins, so "nintendo
 * switch oled" is the OLED model, not any Switch); any other phrase gets a price from its hash,
 * from $15 to $600, and one of a few general departments. Category ids and names follow eBay US's
 * tree where the mock's authors knew them and are plausible stand-ins elsewhere; what matters is
 * that they are numeric strings in one consistent tree.
 */
final class Catalog {

  /** How bulky items are, which sets shipping costs. */
  enum Size {
    SMALL,
    MEDIUM,
    LARGE
  }

  /** The kinds of accessory listings that turn up for a product search. */
  enum AccessoryKind {
    CASE("Case for %s", 16),
    SCREEN_PROTECTOR("Screen Protector for %s 2 Pack", 9),
    CHARGER("Charger for %s", 18),
    BOX_ONLY("%s Empty Box Only", 20),
    REPLACEMENT_PARTS("Replacement Parts for %s", 28),
    BAND("Replacement Band for %s", 14),
    LACES("Replacement Laces for %s", 8),
    INSTRUCTIONS("%s Instructions Only", 12),
    ATTACHMENT("Attachment for %s", 30);

    private final String template;
    private final double typicalUsd;

    AccessoryKind(String template, double typicalUsd) {
      this.template = template;
      this.typicalUsd = typicalUsd;
    }

    String title(String product) {
      return template.formatted(product);
    }

    double typicalUsd() {
      return typicalUsd;
    }
  }

  record Accessory(AccessoryKind kind, Category category) {}

  /** Where a product is filed and what its accessories are filed under. */
  record Department(Category product, Size size, List<Accessory> accessories) {}

  /** One way variations of an item differ, e.g. storage, with each value's price factor. */
  record Dimension(List<String> values, List<Double> priceFactors) {}

  /**
   * What a query is about.
   *
   * @param title the product as titles name it, containing every keyword of the query
   * @param typicalUsd what a new one sells for in US dollars
   * @param spread how far single listings stray from it (a log-scale width)
   * @param accessoryShare the share of listings that are accessories rather than the product
   * @param groupShare the share of fixed-price product listings sold with variations
   */
  record Product(
      String title,
      double typicalUsd,
      double spread,
      Department department,
      List<Dimension> variations,
      double accessoryShare,
      double groupShare) {}

  private record Family(
      List<List<String>> keywordSets,
      String brand,
      double typicalUsd,
      double spread,
      Department department,
      List<Dimension> variations) {}

  // --- categories ---
  private static final Category VIDEO_GAMES = Category.top("1249", "Video Games & Consoles");
  private static final Category VG_ACCESSORIES =
      VIDEO_GAMES.child("54968", "Video Game Accessories");
  private static final Category PHONES_ALL = Category.top("15032", "Cell Phones & Accessories");
  private static final Category PHONE_ACCESSORIES =
      PHONES_ALL.child("9394", "Cell Phone Accessories");
  private static final Category SMART_WATCH_ACCESSORIES =
      PHONES_ALL.child("182064", "Smart Watch Accessories");
  private static final Category COMPUTERS = Category.top("58058", "Computers/Tablets & Networking");
  private static final Category LAPTOP_ACCESSORIES =
      COMPUTERS.child("31530", "Laptop & Desktop Accessories");
  private static final Category TABLET_ACCESSORIES =
      COMPUTERS.child("176970", "Tablet & eBook Reader Accs");
  private static final Category COMPONENTS =
      COMPUTERS.child("175673", "Computer Components & Parts");
  private static final Category ELECTRONICS = Category.top("293", "Consumer Electronics");
  private static final Category PORTABLE_AUDIO =
      ELECTRONICS.child("15052", "Portable Audio & Headphones");
  private static final Category CAMERAS = Category.top("625", "Cameras & Photo");
  private static final Category CAMERA_ACCESSORIES =
      CAMERAS.child("15200", "Camera & Photo Accessories");
  private static final Category TOYS = Category.top("220", "Toys & Hobbies");
  private static final Category LEGO = TOYS.child("183446", "LEGO Building Toys");
  private static final Category CCG = TOYS.child("2536", "Collectible Card Games");
  private static final Category FASHION = Category.top("11450", "Clothing, Shoes & Accessories");
  private static final Category WATCHES = Category.top("281", "Jewelry & Watches");
  private static final Category WATCH_ITEMS =
      WATCHES.child("260324", "Watches, Parts & Accessories");
  private static final Category HOME = Category.top("11700", "Home & Garden");
  private static final Category SMALL_APPLIANCES =
      HOME.child("20625", "Kitchen, Dining & Bar").child("20667", "Small Kitchen Appliances");
  private static final Category HOUSEHOLD = HOME.child("299", "Household Supplies & Cleaning");
  private static final Category COLLECTIBLES = Category.top("1", "Collectibles");
  private static final Category SPORTS = Category.top("888", "Sporting Goods");

  // --- departments ---
  private static final Department CONSOLES =
      new Department(
          VIDEO_GAMES.child("139971", "Video Game Consoles"),
          Size.MEDIUM,
          List.of(
              accessory(AccessoryKind.CASE, VG_ACCESSORIES.child("171826", "Cases, Covers & Bags")),
              accessory(
                  AccessoryKind.SCREEN_PROTECTOR,
                  VG_ACCESSORIES.child("171834", "Screen Protectors")),
              accessory(
                  AccessoryKind.CHARGER,
                  VG_ACCESSORIES.child("171833", "Chargers & Charging Docks")),
              accessory(
                  AccessoryKind.BOX_ONLY, VIDEO_GAMES.child("187", "Original Game Cases & Boxes")),
              accessory(
                  AccessoryKind.REPLACEMENT_PARTS,
                  VIDEO_GAMES.child("171831", "Replacement Parts & Tools"))));
  private static final Department PHONES =
      new Department(
          PHONES_ALL.child("9355", "Cell Phones & Smartphones"),
          Size.SMALL,
          List.of(
              accessory(
                  AccessoryKind.CASE, PHONE_ACCESSORIES.child("20349", "Cases, Covers & Skins")),
              accessory(
                  AccessoryKind.SCREEN_PROTECTOR,
                  PHONE_ACCESSORIES.child("58540", "Screen Protectors")),
              accessory(
                  AccessoryKind.CHARGER, PHONE_ACCESSORIES.child("123417", "Chargers & Cradles")),
              accessory(
                  AccessoryKind.BOX_ONLY,
                  PHONE_ACCESSORIES.child("42428", "Other Cell Phone Accessories")),
              accessory(
                  AccessoryKind.REPLACEMENT_PARTS,
                  PHONES_ALL.child("43304", "Cell Phone & Smartphone Parts"))));
  private static final Department SMART_WATCHES =
      new Department(
          PHONES_ALL.child("178893", "Smart Watches"),
          Size.SMALL,
          List.of(
              accessory(
                  AccessoryKind.BAND, SMART_WATCH_ACCESSORIES.child("182065", "Smart Watch Bands")),
              accessory(
                  AccessoryKind.CHARGER,
                  SMART_WATCH_ACCESSORIES.child("182066", "Smart Watch Chargers")),
              accessory(
                  AccessoryKind.CASE,
                  SMART_WATCH_ACCESSORIES.child("182067", "Smart Watch Cases & Covers")),
              accessory(AccessoryKind.BOX_ONLY, SMART_WATCH_ACCESSORIES)));
  private static final Department APPLE_LAPTOPS =
      new Department(
          COMPUTERS.child("175672", "Laptops & Netbooks").child("111422", "Apple Laptops"),
          Size.MEDIUM,
          List.of(
              accessory(
                  AccessoryKind.CASE, LAPTOP_ACCESSORIES.child("31510", "Laptop Cases & Bags")),
              accessory(
                  AccessoryKind.CHARGER,
                  LAPTOP_ACCESSORIES.child("42190", "Laptop Power Adapters/Chargers")),
              accessory(AccessoryKind.BOX_ONLY, LAPTOP_ACCESSORIES),
              accessory(
                  AccessoryKind.REPLACEMENT_PARTS,
                  COMPUTERS.child("31509", "Laptop Replacement Parts"))));
  private static final Department TABLETS =
      new Department(
          COMPUTERS.child("171485", "Tablets & eBook Readers"),
          Size.SMALL,
          List.of(
              accessory(
                  AccessoryKind.CASE,
                  TABLET_ACCESSORIES.child("176973", "Cases, Covers, Keyboard Folios")),
              accessory(
                  AccessoryKind.SCREEN_PROTECTOR,
                  TABLET_ACCESSORIES.child("176974", "Screen Protectors")),
              accessory(
                  AccessoryKind.CHARGER,
                  TABLET_ACCESSORIES.child("176971", "Chargers & Sync Cables")),
              accessory(AccessoryKind.BOX_ONLY, TABLET_ACCESSORIES),
              accessory(
                  AccessoryKind.REPLACEMENT_PARTS,
                  COMPUTERS.child("180235", "Tablet & eBook Reader Parts"))));
  private static final Department GRAPHICS_CARDS =
      new Department(
          COMPONENTS.child("27386", "Graphics/Video Cards"),
          Size.MEDIUM,
          List.of(
              accessory(
                  AccessoryKind.BOX_ONLY, COMPONENTS.child("3669", "Other Computer Components")),
              accessory(
                  AccessoryKind.REPLACEMENT_PARTS,
                  COMPONENTS.child("131486", "Fans, Heatsinks & Cooling"))));
  private static final Department HEADPHONES =
      new Department(
          PORTABLE_AUDIO.child("112529", "Headphones"),
          Size.SMALL,
          List.of(
              accessory(AccessoryKind.CASE, PORTABLE_AUDIO.child("56169", "Headphone Accessories")),
              accessory(
                  AccessoryKind.CHARGER, PORTABLE_AUDIO.child("56169", "Headphone Accessories")),
              accessory(
                  AccessoryKind.BOX_ONLY, PORTABLE_AUDIO.child("56169", "Headphone Accessories")),
              accessory(
                  AccessoryKind.REPLACEMENT_PARTS,
                  PORTABLE_AUDIO.child("122649", "Replacement Parts & Tools"))));
  private static final Category DRONE_PARTS = CAMERAS.child("179698", "Camera Drone Parts & Accs");
  private static final Department DRONES =
      new Department(
          CAMERAS.child("179697", "Camera Drones"),
          Size.MEDIUM,
          List.of(
              accessory(AccessoryKind.CASE, DRONE_PARTS),
              accessory(AccessoryKind.CHARGER, DRONE_PARTS),
              accessory(AccessoryKind.BOX_ONLY, DRONE_PARTS),
              accessory(AccessoryKind.REPLACEMENT_PARTS, DRONE_PARTS)));
  private static final List<Accessory> CAMERA_EXTRAS =
      List.of(
          accessory(AccessoryKind.CASE, CAMERA_ACCESSORIES.child("16031", "Cases, Bags & Covers")),
          accessory(
              AccessoryKind.CHARGER, CAMERA_ACCESSORIES.child("48516", "Batteries & Chargers")),
          accessory(AccessoryKind.BOX_ONLY, CAMERA_ACCESSORIES),
          accessory(
              AccessoryKind.REPLACEMENT_PARTS,
              CAMERAS.child("182074", "Replacement Parts & Tools")));
  private static final Department DIGITAL_CAMERAS =
      new Department(CAMERAS.child("31388", "Digital Cameras"), Size.MEDIUM, CAMERA_EXTRAS);
  private static final Department FILM_CAMERAS =
      new Department(
          CAMERAS.child("69323", "Film Photography").child("15230", "Film Cameras"),
          Size.MEDIUM,
          CAMERA_EXTRAS);
  private static final Department LEGO_SETS =
      new Department(
          LEGO.child("19006", "LEGO Complete Sets & Packs"),
          Size.LARGE,
          List.of(
              accessory(
                  AccessoryKind.INSTRUCTIONS, LEGO.child("183448", "LEGO Instruction Manuals")),
              accessory(AccessoryKind.BOX_ONLY, LEGO.child("183450", "Other LEGO Building Toys")),
              accessory(
                  AccessoryKind.REPLACEMENT_PARTS,
                  LEGO.child("183449", "LEGO Bricks & Building Pieces"))));
  private static final Department TRADING_CARDS =
      new Department(
          CCG.child("183454", "CCG Individual Cards"),
          Size.SMALL,
          List.of(
              accessory(AccessoryKind.CASE, CCG.child("183466", "CCG Card Storage & Supplies"))));
  private static final Department SNEAKERS =
      new Department(
          FASHION.child("93427", "Men's Shoes").child("15709", "Athletic Shoes"),
          Size.MEDIUM,
          List.of(
              accessory(AccessoryKind.BOX_ONLY, FASHION.child("167902", "Shoe Care & Accessories")),
              accessory(AccessoryKind.LACES, FASHION.child("167902", "Shoe Care & Accessories"))));
  private static final Department HOODIES =
      new Department(
          FASHION.child("1059", "Men's Clothing").child("155183", "Hoodies & Sweatshirts"),
          Size.SMALL,
          List.of());
  private static final Department WRISTWATCHES =
      new Department(
          WATCH_ITEMS.child("31387", "Wristwatches"),
          Size.SMALL,
          List.of(
              accessory(AccessoryKind.BAND, WATCH_ITEMS.child("98624", "Wristwatch Bands")),
              accessory(AccessoryKind.BOX_ONLY, WATCH_ITEMS.child("173697", "Watch Boxes & Cases")),
              accessory(
                  AccessoryKind.REPLACEMENT_PARTS, WATCH_ITEMS.child("57720", "Watch Parts"))));
  private static final Department MIXERS =
      new Department(
          SMALL_APPLIANCES.child("133701", "Mixers (Countertop)"),
          Size.LARGE,
          List.of(
              accessory(
                  AccessoryKind.ATTACHMENT,
                  SMALL_APPLIANCES.child("177750", "Mixer Parts & Accessories")),
              accessory(
                  AccessoryKind.REPLACEMENT_PARTS,
                  SMALL_APPLIANCES.child("177750", "Mixer Parts & Accessories"))));
  private static final Department VACUUMS =
      new Department(
          HOUSEHOLD.child("20614", "Vacuum Cleaners"),
          Size.LARGE,
          List.of(
              accessory(
                  AccessoryKind.ATTACHMENT, HOUSEHOLD.child("79654", "Vacuum Parts & Accessories")),
              accessory(
                  AccessoryKind.CHARGER, HOUSEHOLD.child("79654", "Vacuum Parts & Accessories")),
              accessory(
                  AccessoryKind.REPLACEMENT_PARTS,
                  HOUSEHOLD.child("79654", "Vacuum Parts & Accessories"))));

  /** Where phrases the catalogue does not know end up, picked by the phrase's hash. */
  private static final List<Department> GENERAL =
      List.of(
          new Department(
              ELECTRONICS.child("175740", "Other Consumer Electronics"),
              Size.MEDIUM,
              List.of(
                  accessory(
                      AccessoryKind.CASE,
                      ELECTRONICS.child("182093", "Consumer Electronics Accessories")),
                  accessory(
                      AccessoryKind.CHARGER,
                      ELECTRONICS.child("182093", "Consumer Electronics Accessories")),
                  accessory(
                      AccessoryKind.REPLACEMENT_PARTS,
                      ELECTRONICS.child("182094", "Replacement Parts & Tools")))),
          new Department(
              COLLECTIBLES.child("13877", "Other Collectibles"),
              Size.SMALL,
              List.of(
                  accessory(
                      AccessoryKind.CASE, COLLECTIBLES.child("97", "Display Cases & Storage")),
                  accessory(
                      AccessoryKind.BOX_ONLY,
                      COLLECTIBLES.child("97", "Display Cases & Storage")))),
          new Department(
              HOME.child("10033", "Home Décor"),
              Size.LARGE,
              List.of(
                  accessory(
                      AccessoryKind.REPLACEMENT_PARTS,
                      HOME.child("159907", "Home Improvement Parts")))),
          new Department(
              SPORTS.child("310", "Other Sporting Goods"),
              Size.MEDIUM,
              List.of(
                  accessory(AccessoryKind.CASE, SPORTS.child("16034", "Sports Bags & Cases")),
                  accessory(
                      AccessoryKind.REPLACEMENT_PARTS,
                      SPORTS.child("159044", "Sporting Goods Parts")))),
          new Department(
              TOYS.child("19016", "Other Toys & Hobbies"),
              Size.MEDIUM,
              List.of(
                  accessory(AccessoryKind.BOX_ONLY, TOYS.child("2631", "Toy Parts & Accessories")),
                  accessory(
                      AccessoryKind.REPLACEMENT_PARTS,
                      TOYS.child("2631", "Toy Parts & Accessories")))));

  // --- variations ---
  private static final Dimension STORAGE =
      new Dimension(
          List.of("64GB", "128GB", "256GB", "512GB", "1TB"), List.of(0.88, 1.0, 1.14, 1.3, 1.5));
  private static final Dimension LAPTOP_STORAGE =
      new Dimension(List.of("256GB", "512GB", "1TB", "2TB"), List.of(1.0, 1.15, 1.35, 1.7));
  private static final Dimension COLOUR =
      new Dimension(
          List.of("Black", "White", "Blue", "Red", "Green", "Pink", "Silver", "Midnight"),
          List.of(1.0, 1.0, 1.0, 1.01, 0.99, 1.0, 1.02, 1.0));
  private static final Dimension SHOE_SIZE =
      new Dimension(
          List.of("US 7", "US 8", "US 9", "US 10", "US 11", "US 12", "US 13"),
          List.of(0.97, 1.0, 1.0, 1.02, 1.02, 1.05, 1.1));
  private static final Dimension CLOTHING_SIZE =
      new Dimension(List.of("S", "M", "L", "XL", "XXL"), List.of(1.0, 1.0, 1.0, 1.03, 1.06));
  private static final Dimension CASE_SIZE =
      new Dimension(List.of("41mm", "45mm"), List.of(1.0, 1.08));

  private static final List<Family> FAMILIES =
      List.of(
          family("Nintendo", 300, 0.15, CONSOLES, List.of(), "nintendo switch oled", "switch oled"),
          family("Nintendo", 230, 0.25, CONSOLES, List.of(), "nintendo switch"),
          family("Sony", 420, 0.15, CONSOLES, List.of(), "ps5", "playstation 5"),
          family("Microsoft", 380, 0.15, CONSOLES, List.of(), "xbox series x"),
          family("Valve", 380, 0.2, CONSOLES, List.of(), "steam deck"),
          family("Nintendo", 80, 0.45, CONSOLES, List.of(), "gameboy", "game boy"),
          family("Apple", 350, 0.2, PHONES, List.of(STORAGE, COLOUR), "iphone 13"),
          family("Apple", 450, 0.2, PHONES, List.of(STORAGE, COLOUR), "iphone 14"),
          family("Apple", 400, 0.5, PHONES, List.of(STORAGE, COLOUR), "iphone"),
          family("Samsung", 420, 0.2, PHONES, List.of(STORAGE, COLOUR), "galaxy s23"),
          family("Apple", 320, 0.4, TABLETS, List.of(STORAGE), "ipad"),
          family("Amazon", 90, 0.35, TABLETS, List.of(), "kindle"),
          family("Apple", 700, 0.3, APPLE_LAPTOPS, List.of(LAPTOP_STORAGE), "macbook air"),
          family("Apple", 1100, 0.35, APPLE_LAPTOPS, List.of(LAPTOP_STORAGE), "macbook pro"),
          family("Apple", 150, 0.15, HEADPHONES, List.of(), "airpods pro"),
          family("Apple", 100, 0.3, HEADPHONES, List.of(), "airpods"),
          family("Sony", 280, 0.15, HEADPHONES, List.of(), "wh1000xm5"),
          family(null, 400, 0.25, DRONES, List.of(), "dji mini"),
          family(null, 250, 0.7, DRONES, List.of(), "drone"),
          family(null, 220, 0.35, DIGITAL_CAMERAS, List.of(), "gopro"),
          family(null, 120, 0.6, FILM_CAMERAS, List.of(), "vintage camera", "film camera"),
          family(null, 350, 0.5, LEGO_SETS, List.of(), "lego millennium falcon"),
          family(null, 60, 0.8, LEGO_SETS, List.of(), "lego"),
          family(null, 11000, 0.2, WRISTWATCHES, List.of(), "rolex submariner"),
          family(null, 230, 0.35, SMART_WATCHES, List.of(CASE_SIZE, COLOUR), "apple watch"),
          family("Nike", 180, 0.45, SNEAKERS, List.of(SHOE_SIZE), "air jordan", "jordan 1"),
          family(null, 40, 0.5, HOODIES, List.of(CLOTHING_SIZE, COLOUR), "hoodie"),
          family(null, 120, 1.0, TRADING_CARDS, List.of(), "pokemon charizard"),
          family("NVIDIA GeForce", 1700, 0.12, GRAPHICS_CARDS, List.of(), "rtx 4090"),
          family(null, 250, 0.3, MIXERS, List.of(), "kitchenaid mixer"),
          family(null, 450, 0.25, VACUUMS, List.of(), "dyson v15"));

  /** How titles spell words the query has in lower case. */
  private static final Map<String, String> SPELLING =
      Map.ofEntries(
          Map.entry("oled", "OLED"),
          Map.entry("ps5", "PS5"),
          Map.entry("playstation", "PlayStation"),
          Map.entry("iphone", "iPhone"),
          Map.entry("ipad", "iPad"),
          Map.entry("macbook", "MacBook"),
          Map.entry("airpods", "AirPods"),
          Map.entry("wh1000xm5", "WH-1000XM5"),
          Map.entry("dji", "DJI"),
          Map.entry("gopro", "GoPro"),
          Map.entry("lego", "LEGO"),
          Map.entry("gameboy", "GameBoy"),
          Map.entry("rtx", "RTX"),
          Map.entry("xbox", "Xbox"),
          Map.entry("kitchenaid", "KitchenAid"),
          Map.entry("s23", "S23"),
          Map.entry("v15", "V15"));

  private Catalog() {}

  /** What the query is about. */
  static Product productFor(SearchQuery query) {
    Set<String> terms = new TreeSet<>(query.terms());
    Family best = null;
    List<String> matched = List.of();
    for (Family family : FAMILIES) {
      for (List<String> keywords : family.keywordSets()) {
        if (terms.containsAll(keywords) && keywords.size() > matched.size()) {
          best = family;
          matched = keywords;
        }
      }
    }
    long seed = query.seed();
    List<String> words = new ArrayList<>();
    if (best != null && best.brand() != null) {
      List<String> brand = List.of(best.brand().toLowerCase(Locale.ROOT).split(" "));
      if (brand.stream().noneMatch(terms::contains)) {
        words.add(best.brand());
      }
    }
    matched.forEach(word -> words.add(spell(word)));
    terms.removeAll(matched);
    terms.forEach(word -> words.add(spell(word)));
    String title = String.join(" ", words);
    double accessoryShare = 0.10 + 0.15 * Rng.unit(Rng.mix(seed, 3));
    double groupShare = 0.20 + 0.20 * Rng.unit(Rng.mix(seed, 4));
    if (best == null) {
      // From $15 to $600, spread evenly on a log scale.
      double typical = Math.exp(Math.log(15) + Rng.unit(Rng.mix(seed, 2)) * Math.log(40));
      Department department = GENERAL.get(Rng.below(Rng.mix(seed, 5), GENERAL.size()));
      return new Product(title, typical, 0.35, department, List.of(), accessoryShare, 0);
    }
    Department department = best.department();
    return new Product(
        title,
        best.typicalUsd(),
        best.spread(),
        department,
        best.variations(),
        department.accessories().isEmpty() ? 0 : accessoryShare,
        best.variations().isEmpty() ? 0 : groupShare);
  }

  private static String spell(String word) {
    String known = SPELLING.get(word);
    return known != null
        ? known
        : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  private static Accessory accessory(AccessoryKind kind, Category category) {
    return new Accessory(kind, category);
  }

  private static Family family(
      String brand,
      double typicalUsd,
      double spread,
      Department department,
      List<Dimension> variations,
      String... phrases) {
    List<List<String>> keywordSets = new ArrayList<>();
    for (String phrase : phrases) {
      keywordSets.add(List.of(phrase.split(" ")));
    }
    return new Family(keywordSets, brand, typicalUsd, spread, department, variations);
  }
}
