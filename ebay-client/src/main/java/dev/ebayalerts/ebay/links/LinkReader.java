package dev.ebayalerts.ebay.links;

import static dev.ebayalerts.ebay.links.EbayParameters.COUNTRY_IDS;

import dev.ebayalerts.ebay.Marketplace;
import dev.ebayalerts.ebay.links.SearchLink.Condition;
import dev.ebayalerts.ebay.links.SearchLink.Format;
import dev.ebayalerts.ebay.links.SearchLink.Sort;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the parameters of one eBay search link into a search and the parameters left over. */
final class LinkReader {

  /** A query parameter, decoded. */
  record Parameter(String name, String value) {}

  private static final Pattern LIST = Pattern.compile("[,\\s]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
  private static final Pattern SELLER = Pattern.compile("[^\\s,]+");
  private static final Pattern CONDITION_ID = Pattern.compile("[0-9]{1,5}");

  private final Marketplace marketplace;
  private final String pathCategory;
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<Unsupported> unsupported = new ArrayList<>();

  private String phrase = "";
  private final List<String> excluded = new ArrayList<>();
  private String queryCategory;
  private BigDecimal minPrice;
  private BigDecimal maxPrice;
  private Condition condition;
  private final Set<Format> formats = EnumSet.noneOf(Format.class);
  private boolean freeShipping;
  private boolean returnsAccepted;
  private String country;
  private Sort sort;
  private final List<String> sellers = new ArrayList<>();

  private LinkReader(Marketplace marketplace, String pathCategory) {
    this.marketplace = marketplace;
    this.pathCategory = pathCategory;
  }

  /**
   * The search a link's parameters describe.
   *
   * @param pathCategory the category id of a {@code /sch/<slug>/<id>/i.html} path, or null
   * @throws InvalidSearchLink when it has neither keywords nor a category
   */
  static ParsedSearch read(
      Marketplace marketplace, String pathCategory, List<Parameter> parameters) {
    LinkReader reader = new LinkReader(marketplace, pathCategory);
    for (Parameter parameter : parameters) {
      reader
          .values
          .computeIfAbsent(parameter.name(), name -> new ArrayList<>())
          .add(parameter.value());
    }
    reader.values.forEach(reader::read);
    return reader.result();
  }

  /**
   * The decoded parameters of a raw query. eBay's old advanced search wraps some in a radio
   * button's value ({@code _fsradio=%26LH_SpecificSeller%3D1}); those are unwrapped.
   *
   * @throws InvalidSearchLink when there are more than {@code maximum} or one is malformed
   */
  static List<Parameter> parameters(String rawQuery, int maximum) {
    List<Parameter> parameters = new ArrayList<>();
    if (rawQuery == null) {
      return parameters;
    }
    List<String> pieces = new ArrayList<>();
    for (String piece : rawQuery.split("&")) {
      if (!piece.isEmpty()) {
        pieces.add(piece);
      }
    }
    if (pieces.size() > maximum) {
      throw InvalidSearchLink.tooManyParameters(pieces.size(), maximum);
    }
    for (String piece : pieces) {
      int equals = piece.indexOf('=');
      String name = decoded(equals < 0 ? piece : piece.substring(0, equals));
      String value = equals < 0 ? "" : decoded(piece.substring(equals + 1));
      if (name.equals("_fsradio") || name.equals("_fsradio2")) {
        for (String wrapped : value.split("&")) {
          int inner = wrapped.indexOf('=');
          if (inner > 0) {
            parameters.add(
                new Parameter(wrapped.substring(0, inner), wrapped.substring(inner + 1)));
          } else if (!wrapped.isBlank()) {
            parameters.add(new Parameter(name, wrapped)); // not a wrapper: reported as it is
          }
        }
      } else {
        parameters.add(new Parameter(name, value));
      }
    }
    return parameters;
  }

  private static String decoded(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw InvalidSearchLink.notALink();
    }
  }

  private void read(String name, List<String> given) {
    String value =
        given.stream().map(String::trim).filter(v -> !v.isEmpty()).findFirst().orElse("");
    if (value.isEmpty()) {
      return; // eBay's forms send empty fields; an empty parameter filters nothing
    }
    map(name, value);
    if (!EbayParameters.IGNORED.containsKey(name)) {
      given.stream()
          .map(String::trim)
          .filter(other -> !other.isEmpty() && !other.equals(value))
          .distinct()
          .forEach(
              other ->
                  unsupported(
                      name,
                      other,
                      "given more than once: the alert uses the first value, " + value));
    }
  }

  private void map(String name, String value) {
    switch (name) {
      case "_nkw" -> {
        Keywords keywords = Keywords.parse(value);
        phrase = keywords.phrase();
        excluded.addAll(keywords.excluded());
      }
      case "_ex_kw" -> excluded.addAll(words(value));
      case "_in_kw" -> keywordMatch(value);
      case "_sacat" -> category(value);
      case "_udlo" -> minPrice = price(name, value, "lowest");
      case "_udhi" -> maxPrice = price(name, value, "highest");
      case "LH_ItemCondition" -> condition(value);
      case "LH_Auction" -> format(name, value, Format.AUCTION);
      case "LH_BIN" -> format(name, value, Format.BUY_IT_NOW);
      case "LH_BO" -> format(name, value, Format.BEST_OFFER);
      case "LH_FS" -> freeShipping = flag(name, value);
      case "LH_ReturnsAccepted" -> returnsAccepted = flag(name, value);
      case "LH_PrefLoc" -> preferredLocation(value);
      case "LH_LocatedIn" -> locatedIn(value);
      case "_fspt" -> {
        if (flag(name, value) && !EbayParameters.DISTANCE.equals(value("LH_PrefLoc"))) {
          distance(name, value);
        }
      }
      case "_stpos" -> {
        if (!distanceFilter()) {
          other(name, value);
        }
      }
      case "_sargn" -> {
        if (!value.startsWith("-1")) { // -1 is "any region", the form's default
          unsupported(
              name, value, "a region items must be in: the alert searches items located anywhere");
        }
      }
      case "_sop" -> sort(value);
      case "_ssn" -> seller(name, value);
      case "_sasl" -> sellers(value);
      default -> other(name, value);
    }
  }

  private void keywordMatch(String value) {
    String reason =
        switch (value) {
          case "1" -> null; // all words, any order: eBay's default and the alert's
          case "2" -> "any of the words: an alert matches listings with all of them";
          case "3" ->
              "the exact words in their exact order: an alert matches the words in any order"
                  + " (quotes around them on eBay keep the order)";
          case "4" ->
              "exactly these words, in any order: an alert matches them the usual eBay way, all"
                  + " words in any order";
          default -> "a keyword option alerts do not know: the alert matches all words";
        };
    if (reason != null) {
      unsupported("_in_kw", value, reason);
    }
  }

  private void category(String value) {
    if (!DIGITS.matcher(value).matches()) {
      unsupported("_sacat", value, "not an eBay category id: the alert searches all categories");
    } else if (Long.parseLong(value) != 0) { // 0 is "All categories"
      queryCategory = String.valueOf(Long.parseLong(value));
    }
  }

  private BigDecimal price(String name, String value, String which) {
    BigDecimal price = Prices.parse(value, EbayParameters.DECIMAL_COMMA.contains(marketplace));
    if (price == null) {
      unsupported(name, value, "not a price: the alert has no %s price".formatted(which));
    }
    return price;
  }

  private void condition(String value) {
    Set<Condition> groups = EnumSet.noneOf(Condition.class);
    Set<String> described = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String id : value.split("\\|")) {
      String trimmed = id.trim();
      if (!CONDITION_ID.matcher(trimmed).matches()) {
        unknown.add(trimmed);
        continue;
      }
      Integer number = Integer.valueOf(trimmed);
      Condition group =
          EbayParameters.CONDITION_IDS.entrySet().stream()
              .filter(entry -> entry.getValue().contains(number))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      if (group != null) {
        groups.add(group);
        described.add(group.name().toLowerCase(Locale.ROOT));
      } else if (EbayParameters.OTHER_CONDITION_IDS.containsKey(number)) {
        described.add(EbayParameters.OTHER_CONDITION_IDS.get(number));
      } else {
        unknown.add(trimmed);
      }
    }
    if (!unknown.isEmpty()) {
      unsupported(
          "LH_ItemCondition",
          value,
          "condition %s unknown: the alert watches any condition"
              .formatted(String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are")));
    } else if (groups.size() == 1 && described.size() == 1) {
      condition = groups.iterator().next();
    } else {
      unsupported(
          "LH_ItemCondition",
          value,
          "%s: an alert watches new items, used items or any condition, so this one watches any"
              .formatted(String.join(", ", described)));
    }
  }

  private void format(String name, String value, Format format) {
    if (flag(name, value)) {
      formats.add(format);
    }
  }

  /** An eBay switch: {@code 1} on, {@code 0} off. */
  private boolean flag(String name, String value) {
    if (!value.equals("1") && !value.equals("0")) {
      unsupported(name, value, "expected 1 (on) or 0 (off): the alert leaves this filter off");
    }
    return value.equals("1");
  }

  private void preferredLocation(String value) {
    switch (value) {
      case EbayParameters.DOMESTIC -> country("LH_PrefLoc", value, marketplace.country());
      case EbayParameters.WORLDWIDE -> {} // eBay's default
      case EbayParameters.REGION ->
          unsupported(
              "LH_PrefLoc",
              value,
              "items in the site's region (such as North America or the European Union): an alert"
                  + " can ask for one country only, so this one searches worldwide");
      case EbayParameters.DISTANCE -> distance("LH_PrefLoc", value);
      default ->
          unsupported(
              "LH_PrefLoc",
              value,
              "an item location option alerts do not know: the alert searches worldwide");
    }
  }

  private void locatedIn(String value) {
    if (!flag("LH_LocatedIn", value)) {
      return;
    }
    String countryId = value("_salic");
    String iso = COUNTRY_IDS.get(countryId);
    if (countryId.isEmpty()) {
      unsupported(
          "LH_LocatedIn",
          value,
          "the country is missing (_salic): the alert searches items located anywhere");
    } else if (iso == null) {
      unsupported(
          "_salic",
          countryId,
          "eBay's country %s is not one alerts know: the alert searches items located anywhere"
              .formatted(countryId));
    } else {
      country("LH_LocatedIn", value, iso);
    }
  }

  private void country(String name, String value, String iso) {
    if (country == null || country.equals(iso)) {
      country = iso;
    } else {
      unsupported(
          name,
          value,
          "asks for items in %s, but the link already asks for %s, which the alert uses"
              .formatted(iso, country));
    }
  }

  private boolean distanceFilter() {
    return EbayParameters.DISTANCE.equals(value("LH_PrefLoc")) || "1".equals(value("_fspt"));
  }

  private void distance(String name, String value) {
    String radius = value("_sadis");
    String postcode = value("_stpos");
    String unit = EbayParameters.MILES.contains(marketplace) ? "miles" : "km";
    unsupported(
        name,
        value,
        "only items %s %s: an alert cannot filter by distance, so this one searches everywhere"
            .formatted(
                radius.isEmpty() ? "near" : "within " + radius + " " + unit + " of",
                postcode.isEmpty() ? "the buyer" : "postcode " + postcode));
  }

  private void sort(String value) {
    sort =
        EbayParameters.SORT_CODES.entrySet().stream()
            .filter(entry -> entry.getValue().equals(value))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    if (sort == null) {
      unsupported("_sop", value, "a sort order alerts do not offer: the alert sorts by best match");
    }
  }

  private void seller(String name, String value) {
    if (SELLER.matcher(value).matches()) {
      sellers.add(value);
    } else {
      unsupported(name, value, "not an eBay user id: the alert shows all sellers");
    }
  }

  private void sellers(String value) {
    switch (value("_saslop")) {
      case "", "1" -> sellers.addAll(words(value));
      case "2" ->
          unsupported(
              "_sasl",
              value,
              "excludes these sellers: an alert can only be limited to sellers, so this one"
                  + " shows all");
      default ->
          unsupported("_sasl", value, "a seller option alerts do not know: the alert shows all");
    }
  }

  private void other(String name, String value) {
    if (EbayParameters.IGNORED.containsKey(name) || (name.startsWith("LH_") && value.equals("0"))) {
      return; // no effect on the results; an eBay filter switched off
    }
    String reason = EbayParameters.UNSUPPORTED.get(name);
    if (reason == null && name.startsWith("LH_")) {
      reason =
          "an eBay filter alerts cannot apply, so the alert may show listings this eBay search"
              + " hides";
    } else if (reason == null && name.startsWith("_")) {
      reason =
          "an eBay search option alerts cannot apply, so the alert may show listings this eBay"
              + " search hides";
    } else if (reason == null && aspect(readable(name))) {
      reason =
          "an item specifics filter (like Brand or Colour): alerts cannot filter on item"
              + " specifics, so add the value to the keywords instead";
    } else if (reason == null) {
      reason =
          "a parameter alerts do not know: it may narrow eBay's results, which the alert"
              + " cannot do";
    }
    unsupported(name, value, reason);
  }

  /**
   * eBay names item specifics filters after the specific: {@code Brand}, {@code Storage Capacity}.
   */
  private static boolean aspect(String name) {
    return !name.isEmpty() && (Character.isUpperCase(name.charAt(0)) || name.contains(" "));
  }

  /** A list as eBay's forms take one: separated by commas, spaces or both. */
  private static List<String> words(String value) {
    return LIST.splitAsStream(value).filter(word -> !word.isEmpty()).toList();
  }

  private String value(String name) {
    return values.getOrDefault(name, List.of()).stream()
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .findFirst()
        .orElse("");
  }

  private void unsupported(String name, String value, String reason) {
    unsupported.add(new Unsupported(readable(name), readable(value), reason));
  }

  /**
   * eBay encodes item specifics twice ({@code Storage%2520Capacity}); the user reads them decoded.
   */
  private static String readable(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return text;
    }
  }

  private ParsedSearch result() {
    String category = pathCategory != null ? pathCategory : queryCategory;
    if (pathCategory != null && queryCategory != null && !pathCategory.equals(queryCategory)) {
      unsupported(
          "_sacat",
          queryCategory,
          "differs from the category in the link's path, %s, which the alert searches"
              .formatted(pathCategory));
    }
    if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
      unsupported(
          "_udhi",
          value("_udhi"),
          "below the lowest price, %s, so the alert uses neither".formatted(value("_udlo")));
      minPrice = null;
      maxPrice = null;
    }
    if (phrase.isEmpty() && category == null) {
      throw InvalidSearchLink.nothingToSearch();
    }
    return new ParsedSearch(
        new SearchLink(
            marketplace,
            phrase,
            excluded,
            category == null ? List.of() : List.of(category),
            minPrice,
            maxPrice,
            condition,
            format(),
            freeShipping,
            returnsAccepted,
            country,
            sort,
            sellers),
        unsupported);
  }

  /**
   * eBay shows listings of any ticked format. Best Offer listings are fixed-price ones, so Buy It
   * Now with Best Offer is Buy It Now; auctions with Buy It Now is every format.
   */
  private Format format() {
    if (formats.contains(Format.AUCTION) && formats.size() > 1) {
      if (!formats.contains(Format.BUY_IT_NOW)) {
        unsupported(
            "LH_BO",
            value("LH_BO"),
            "together with auctions (LH_Auction=1): an alert watches one buying format or all,"
                + " so this one watches all");
      }
      return null;
    }
    if (formats.contains(Format.BUY_IT_NOW)) {
      return Format.BUY_IT_NOW;
    }
    return formats.isEmpty() ? null : formats.iterator().next();
  }
}
