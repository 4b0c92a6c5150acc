package dev.ebayalerts.ebay.links;

import dev.ebayalerts.ebay.Marketplace;
import dev.ebayalerts.ebay.links.SearchLink.Condition;
import dev.ebayalerts.ebay.links.SearchLink.Format;
import dev.ebayalerts.ebay.links.SearchLink.Sort;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the eBay search links users paste and writes the link that opens an alert's search on eBay.
 *
 * <p>Links of every supported {@link Marketplace} are read, in both of eBay's forms: {@code
 * /sch/i.html?_nkw=...} and, for a category, {@code /sch/<category-slug>/<categoryId>/i.html?...}.
 * Parameters that only track, page or lay out the results are dropped; every other parameter the
 * search cannot carry is returned as {@link Unsupported}, so the user sees where the alert differs
 * from the eBay page.
 */
public final class EbaySearchLinks {

  /** The longest link read, in characters; eBay's own are far shorter. */
  public static final int MAX_LENGTH = 4_000;

  /** The most query parameters a link may have. */
  public static final int MAX_PARAMETERS = 100;

  private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\r\\n]");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern SEARCH_PATH =
      Pattern.compile("^/sch/(?:(?:[^/]+/)?([0-9]{1,18})/)?i\\.html/?$", Pattern.CASE_INSENSITIVE);

  /** Any eBay web host, to tell an eBay site alerts do not search from a look-alike. */
  private static final Pattern EBAY_HOST =
      Pattern.compile("^(?:[a-z0-9-]+\\.)*ebay\\.(?:[a-z]{2}|com|com\\.[a-z]{2}|co\\.[a-z]{2})$");

  /** Characters browsers leave unescaped in the links they copy but {@link URI} refuses. */
  private static final String UNESCAPED = " \"<>\\^`{|}";

  private EbaySearchLinks() {}

  /**
   * Parses a pasted eBay search URL.
   *
   * <p>A link without a scheme ({@code www.ebay.de/sch/i.html?...}) is read as https. Prices are in
   * the marketplace's currency and may be written with a decimal comma ({@code 12,50}) on the sites
   * that use one.
   *
   * @param url the link as pasted
   * @return the search, and the link's parameters that narrow eBay's results but could not be
   *     mapped
   * @throws InvalidSearchLink when it is not an eBay search URL on a supported marketplace, has no
   *     keywords and no category, or is absurd (longer than {@value #MAX_LENGTH} characters, more
   *     than {@value #MAX_PARAMETERS} parameters, not http/https, with a user name, on a non-eBay
   *     host such as {@code ebay.com.evil.example} or {@code evil.example/ebay.com})
   */
  public static ParsedSearch parse(String url) {
    URI uri = uri(url);
    Marketplace marketplace = marketplace(uri.getHost());
    Matcher path = SEARCH_PATH.matcher(Objects.requireNonNullElse(uri.getRawPath(), ""));
    if (!path.matches()) {
      throw InvalidSearchLink.notASearch();
    }
    String pathCategory =
        path.group(1) == null || Long.parseLong(path.group(1)) == 0
            ? null
            : String.valueOf(Long.parseLong(path.group(1)));
    return LinkReader.read(
        marketplace, pathCategory, LinkReader.parameters(uri.getRawQuery(), MAX_PARAMETERS));
  }

  /**
   * The eBay web search URL for a search (what "open this search on eBay" opens): https on the
   * marketplace's host, with only the parameters the search sets.
   *
   * <p>Prices are written in the site's notation ({@code 12,50} on ebay.de, {@code 12.50} on
   * ebay.com). {@code parse(toUrl(search)).search()} equals {@code search} for every search eBay's
   * web search can express. Two kinds it cannot: several categories (the link then searches all
   * categories) and an item location other than the marketplace's own or one of the supported
   * sites' countries (the link then searches everywhere). Either way the page shows every listing
   * the search finds, and more.
   */
  public static URI toUrl(SearchLink search) {
    return URI.create(toUrlString(search));
  }

  /**
   * {@link #toUrl} as text, for answers that only show the link (a page of alerts shows one per
   * alert): the same characters, without parsing them back into a {@link URI}, which cost more than
   * writing them.
   */
  public static String toUrlString(SearchLink search) {
    Objects.requireNonNull(search, "search");
    List<String[]> parameters = new ArrayList<>();
    String keywords = Keywords.write(search.phrase(), search.excludedWords());
    if (!keywords.isEmpty()) {
      parameters.add(new String[] {"_nkw", keywords});
    }
    if (search.categoryIds().size() == 1) {
      parameters.add(new String[] {"_sacat", search.categoryIds().get(0)});
    }
    price(parameters, "_udlo", search.minPrice(), search.marketplace());
    price(parameters, "_udhi", search.maxPrice(), search.marketplace());
    if (search.condition() != null) {
      parameters.add(new String[] {"LH_ItemCondition", conditionIds(search.condition())});
    }
    if (search.format() != null) {
      parameters.add(new String[] {formatParameter(search.format()), "1"});
    }
    if (search.freeShippingOnly()) {
      parameters.add(new String[] {"LH_FS", "1"});
    }
    if (search.returnsAccepted()) {
      parameters.add(new String[] {"LH_ReturnsAccepted", "1"});
    }
    location(parameters, search.marketplace(), search.itemLocationCountry());
    sellers(parameters, search.sellers());
    if (search.sort() != Sort.BEST_MATCH) {
      parameters.add(new String[] {"_sop", EbayParameters.SORT_CODES.get(search.sort())});
    }
    String query =
        parameters.stream()
            .map(parameter -> parameter[0] + "=" + encoded(parameter[1]))
            .collect(Collectors.joining("&"));
    return "https://"
        + search.marketplace().host()
        + "/sch/i.html"
        + (query.isEmpty() ? "" : "?")
        + query;
  }

  private static URI uri(String url) {
    if (url == null || url.isBlank()) {
      throw InvalidSearchLink.empty();
    }
    if (url.length() > MAX_LENGTH) {
      throw InvalidSearchLink.tooLong(url.length(), MAX_LENGTH);
    }
    // Browsers drop tabs and line breaks from pasted addresses; so does this.
    String text = LINE_BREAKS.matcher(url.strip()).replaceAll("");
    if (!SCHEME.matcher(text).find()) {
      text = (text.startsWith("//") ? "https:" : "https://") + text;
    }
    URI uri;
    try {
      uri = new URI(escaped(text));
    } catch (URISyntaxException notAUri) {
      throw InvalidSearchLink.notALink();
    }
    String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw InvalidSearchLink.notWeb();
    }
    if (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
      throw InvalidSearchLink.withUserName();
    }
    if (uri.isOpaque() || uri.getHost() == null) {
      throw InvalidSearchLink.notALink();
    }
    if (uri.getPort() != -1 && uri.getPort() != 80 && uri.getPort() != 443) {
      throw InvalidSearchLink.withPort();
    }
    return uri;
  }

  /**
   * Escapes what browsers copy unescaped ({@code |} between condition ids, spaces). A backslash,
   * which browsers read as a slash, is escaped too, so a host hidden behind one is never read.
   */
  private static String escaped(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (UNESCAPED.indexOf(c) >= 0) {
        escaped.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static Marketplace marketplace(String rawHost) {
    String host = rawHost.toLowerCase(Locale.ROOT);
    host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    Optional<Marketplace> marketplace = Marketplace.ofHost(host);
    if (marketplace.isEmpty() && host.startsWith("m.")) {
      marketplace = Marketplace.ofHost(host.substring(2)); // eBay's mobile site
    }
    if (marketplace.isPresent()) {
      return marketplace.get();
    }
    if (host.equals("ebay.us") || host.endsWith(".ebay.us")) {
      throw InvalidSearchLink.shortened();
    }
    if (EBAY_HOST.matcher(host).matches()) {
      throw InvalidSearchLink.unsupportedSite(host.replaceFirst("^(www|m)\\.", ""));
    }
    throw InvalidSearchLink.notEbay();
  }

  /**
   * A price in the site's notation, as eBay writes it there: {@code 12,50} on ebay.de, where {@code
   * 12.500} would read as twelve thousand five hundred.
   */
  private static void price(
      List<String[]> parameters, String name, BigDecimal price, Marketplace marketplace) {
    if (price != null) {
      String plain = price.toPlainString();
      parameters.add(
          new String[] {
            name,
            EbayParameters.DECIMAL_COMMA.contains(marketplace) ? plain.replace('.', ',') : plain
          });
    }
  }

  private static String conditionIds(Condition condition) {
    return EbayParameters.CONDITION_IDS.get(condition).stream()
        .map(String::valueOf)
        .collect(Collectors.joining("|"));
  }

  private static String formatParameter(Format format) {
    return switch (format) {
      case AUCTION -> "LH_Auction";
      case BUY_IT_NOW -> "LH_BIN";
      case BEST_OFFER -> "LH_BO";
    };
  }

  private static void location(List<String[]> parameters, Marketplace marketplace, String country) {
    if (country == null) {
      return;
    }
    if (country.equals(marketplace.country())) {
      parameters.add(new String[] {"LH_PrefLoc", EbayParameters.DOMESTIC});
      return;
    }
    String countryId = EbayParameters.countryId(country);
    if (countryId != null) {
      parameters.add(new String[] {"LH_LocatedIn", "1"});
      parameters.add(new String[] {"_salic", countryId});
    }
  }

  private static void sellers(List<String[]> parameters, List<String> sellers) {
    if (sellers.size() == 1) {
      parameters.add(new String[] {"_ssn", sellers.get(0)});
    } else if (sellers.size() > 1) {
      parameters.add(new String[] {"_fss", "1"});
      parameters.add(new String[] {"LH_SpecificSeller", "1"});
      parameters.add(new String[] {"_saslop", "1"});
      parameters.add(new String[] {"_sasl", String.join(",", sellers)});
    }
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
