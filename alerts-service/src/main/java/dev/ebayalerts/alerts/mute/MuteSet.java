package dev.ebayalerts.alerts.mute;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one alert must not show: listings, sellers and title words muted for it or for all of its
 * owner's alerts.
 */
public record MuteSet(Set<String> itemIds, Set<String> sellers, List<String> words) {

  public static final MuteSet NONE = new MuteSet(Set.of(), Set.of(), List.of());

  public MuteSet {
    itemIds = Set.copyOf(itemIds);
    sellers = Set.copyOf(sellers);
    words = List.copyOf(words);
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
    return title != null && words.stream().anyMatch(word -> wordIn(word, title));
  }

  /** The word on its own in the title, not inside a longer word, ignoring case. */
  static boolean wordIn(String word, String title) {
    return Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(title)
        .find();
  }
}
