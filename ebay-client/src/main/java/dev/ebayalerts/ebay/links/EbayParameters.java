package dev.ebayalerts.ebay.links;

import static java.util.Map.entry;

import dev.ebayalerts.ebay.Marketplace;
import dev.ebayalerts.ebay.links.SearchLink.Condition;
import dev.ebayalerts.ebay.links.SearchLink.Sort;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * eBay's web search vocabulary, as far as links are read and written here: which parameters change
 * nothing about the results (and are dropped without a word), which narrow the results in ways an
 * alert cannot (and are reported), and the codes of the ones that map.
 */
final class EbayParameters {

  /**
   * Parameters with no effect on which listings eBay shows, each with why; a link's values for them
   * are dropped silently. Anything not listed here and not mapped is reported as unsupported, so a
   * new eBay parameter errs on the side of telling the user.
   */
  static final Map<String, String> IGNORED =
      Map.ofEntries(
          entry("_from", "which eBay form the search came from"),
          entry("_trksid", "eBay's click tracking"),
          entry("rt", "rt=nc asks eBay not to serve a cached page"),
          entry("_odkw", "the keywords of the previous search"),
          entry("_osacat", "the category of the previous search"),
          entry("_dcat", "the category whose filters the page shows, not a filter itself"),
          entry("_ipg", "results per page"),
          entry("_pgn", "page number"),
          entry("_skc", "results skipped, for paging"),
          entry("_dmd", "list or gallery view"),
          entry("_fosrp", "marks a search made from a results page"),
          entry("_fsrp", "marks a search made from a results page"),
          entry("hash", "an anchor on the page"),
          entry("mkcid", "affiliate tracking"),
          entry("mkrid", "affiliate tracking"),
          entry("mkevt", "affiliate tracking"),
          entry("mkpid", "affiliate tracking"),
          entry("campid", "affiliate tracking"),
          entry("customid", "affiliate tracking"),
          entry("toolid", "affiliate tracking"),
          entry("utm_source", "campaign tracking"),
          entry("utm_medium", "campaign tracking"),
          entry("utm_campaign", "campaign tracking"),
          entry("utm_term", "campaign tracking"),
          entry("utm_content", "campaign tracking"),
          entry("gclid", "advertising click id"),
          entry("fbclid", "advertising click id"),
          entry("msclkid", "advertising click id"),
          // The rest are switches and companions whose effect is carried by another parameter,
          // read together with it.
          entry("_mPrRngCbx", "the price range checkbox; the range is _udlo and _udhi"),
          entry("_fss", "the seller checkbox; the sellers are _sasl"),
          entry("LH_SpecificSeller", "the seller radio button; the sellers are _sasl"),
          entry("_saslop", "whether _sasl includes or excludes, read with _sasl"),
          entry("_salic", "the country of LH_LocatedIn=1, read with it; alone it filters nothing"),
          entry("_sadis", "the distance of LH_PrefLoc=99 or _fspt=1, read with them"),
          entry("_ftrt", "the time filter of LH_Time=1, which is reported"),
          entry("_ftrv", "the time filter of LH_Time=1, which is reported"));

  /** eBay filters with a known meaning that alerts cannot apply, with the reason shown. */
  static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          entry(
              "LH_Sold",
              "sold listings only: an alert watches listings that are still for sale, so it shows"
                  + " live listings instead"),
          entry(
              "LH_Complete",
              "ended listings only: an alert watches listings that are still for sale, so it shows"
                  + " live listings instead"),
          entry(
              "LH_TitleDesc",
              "also searching item descriptions: an alert cannot, so it may miss listings that"
                  + " mention the keywords only in the description"),
          entry("LH_Lots", "lots only: an alert shows single items and lots alike"),
          entry("LH_SellerWithStore", "sellers with an eBay shop only: an alert shows all sellers"),
          entry("LH_SellerType", "private or business sellers only: an alert shows both"),
          entry("LH_Time", "listings ending or starting within a time: an alert shows all"),
          entry("LH_Charity", "charity listings only: an alert shows all listings"),
          entry("_sabdlo", "a minimum number of bids: an alert shows listings with any number"),
          entry("_sabdhi", "a maximum number of bids: an alert shows listings with any number"),
          entry(
              "_stpos",
              "the postcode items are delivered to: an alert does not check where a listing"
                  + " ships"));

  /** The ids of eBay's condition groups, as {@code LH_ItemCondition} takes them. */
  static final Map<Condition, List<Integer>> CONDITION_IDS =
      Map.of(
          Condition.NEW, List.of(1000, 1500, 1750),
          Condition.USED, List.of(2750, 3000, 4000, 5000, 6000));

  /** Condition ids that belong to neither group an alert can watch. */
  static final Map<Integer, String> OTHER_CONDITION_IDS =
      Map.of(
          2000, "refurbished",
          2010, "refurbished",
          2020, "refurbished",
          2030, "refurbished",
          2500, "refurbished",
          7000, "for parts");

  /** {@code _sop}, eBay's sort codes. */
  static final Map<Sort, String> SORT_CODES =
      Map.of(
          Sort.NEWLY_LISTED, "10",
          Sort.ENDING_SOONEST, "1",
          Sort.PRICE_PLUS_SHIPPING_LOWEST, "15",
          Sort.PRICE_PLUS_SHIPPING_HIGHEST, "16",
          Sort.BEST_MATCH, "12");

  /**
   * {@code _salic}, eBay's ids of the countries of the supported sites (eBay numbers countries its
   * own way), with their ISO 3166 codes.
   */
  static final Map<String, String> COUNTRY_IDS =
      Map.of(
          "1", "US",
          "2", "CA",
          "3", "GB",
          "15", "AU",
          "71", "FR",
          "77", "DE",
          "101", "IT",
          "186", "ES");

  /** {@code LH_PrefLoc} values. */
  static final String DOMESTIC = "1";

  static final String WORLDWIDE = "2";
  static final String REGION = "3";
  static final String DISTANCE = "99";

  /** Sites whose users write prices with a decimal comma, {@code 12,50}. */
  static final Set<Marketplace> DECIMAL_COMMA =
      Set.of(Marketplace.EBAY_DE, Marketplace.EBAY_FR, Marketplace.EBAY_IT, Marketplace.EBAY_ES);

  /** Sites whose distances are in miles. */
  static final Set<Marketplace> MILES = Set.of(Marketplace.EBAY_US, Marketplace.EBAY_GB);

  private EbayParameters() {}

  static String countryId(String isoCountry) {
    return COUNTRY_IDS.entrySet().stream()
        .filter(entry -> entry.getValue().equals(isoCountry))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }
}
