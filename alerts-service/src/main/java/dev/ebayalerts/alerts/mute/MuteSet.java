package dev.ebayalerts.alerts.mute;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one alert must not show: listings, sellers and title words muted for it or for all of its
 * owner's alerts. The words are compiled once, when the set is made for a run, not per listing.
 *
 * @param sellers lower-case user names
 * @param words each muted word on its own (not inside a longer word), ignoring case
 */
public record MuteSet(Set<String> itemIds, Set<String> sellers, List<Pattern> words) {

  public static final MuteSet NONE = new MuteSet(Set.of(), Set.of(), List.of());

  public MuteSet {
    itemIds = Set.copyOf(itemIds);
    sellers = Set.copyOf(sellers);
    words = List.copyOf(words);
  }

  /** The set of these item ids, sellers (any case) and words. */
  static MuteSet of(Set<String> itemIds, Set<String> sellers, Collection<String> words) {
    return new MuteSet(itemIds, sellers, words.stream().map(MuteSet::wordPattern).toList());
  }

  public boolean isEmpty() {
    return itemIds.isEmpty() && sellers.isEmpty() && words.isEmpty();
  }

  /** Whether a listing is muted: by its id, its seller (any case) or a word of its title. */
  public boolean mutes(String itemId, String seller, String title) {
    if (itemIds.contains(itemId)) {
      return true;
    }
    if (seller != null && sellers.contains(seller.toLowerCase(Locale.ROOT))) {
      return true;
    }
    return title != null && words.stream().anyMatch(word -> word.matcher(title).find());
  }

  /** The word on its own in a title, not inside a longer word, ignoring case. */
  static Pattern wordPattern(String word) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
