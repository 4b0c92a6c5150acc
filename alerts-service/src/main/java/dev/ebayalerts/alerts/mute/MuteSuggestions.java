package dev.ebayalerts.alerts.mute;

import dev.ebayalerts.alerts.alert.AlertControl;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Filters learned from an alert's mutes: when several muted listings share a word, a seller or a
 * category, excluding it for good is proposed ("Exclude the word "case"? 7 of your 9 mutes contain
 * it"). At least {@value #MIN_MUTES} listing mutes, and a word in at least half of them.
 */
final class MuteSuggestions {

  static final int MIN_MUTES = 3;
  private static final int MAX_SUGGESTIONS = 5;
  private static final Set<String> COMMON =
      Set.of("and", "for", "the", "with", "new", "used", "free", "shipping", "from", "set");

  private MuteSuggestions() {}

  @Schema(name = "MuteSuggestion", description = "A filter the alert's mutes suggest")
  record Suggestion(
      @Schema(example = "WORD") String kind,
      @Schema(example = "case") String value,
      @Schema(example = "7") int matches,
      @Schema(example = "9") int of,
      @Schema(example = "Exclude the word \"case\"? 7 of your 9 mutes contain it") String text,
      @Schema(description = "The alert field the value goes into", example = "excludeWords")
          String field) {}

  // Named apart from CategorySuggestions' records: OpenAPI names schemas by simple class name.
  @Schema(name = "MuteSuggestions")
  record Suggestions(List<Suggestion> suggestions) {}

  static Suggestions of(AlertControl.Owned alert, List<Mutes.Muted> mutes) {
    List<Mutes.Muted> listings = mutes.stream().filter(m -> m.kind() == MuteKind.LISTING).toList();
    int of = listings.size();
    if (of < MIN_MUTES) {
      return new Suggestions(List.of());
    }
    Set<String> known = new HashSet<>(words(alert.searchPhrase()));
    known.addAll(alert.excludeWords());
    mutes.stream().filter(m -> m.kind() == MuteKind.WORD).forEach(m -> known.add(m.value()));
    List<Suggestion> found = new ArrayList<>();
    count(listings, m -> words(m.title()))
        .forEach(
            (word, n) -> {
              if (!known.contains(word) && 2 * n >= of && n >= MIN_MUTES) {
                found.add(
                    new Suggestion(
                        "WORD",
                        word,
                        n,
                        of,
                        "Exclude the word \"%s\"? %d of your %d mutes contain it"
                            .formatted(word, n, of),
                        "excludeWords"));
              }
            });
    Set<String> mutedSellers =
        mutes.stream()
            .filter(m -> m.kind() == MuteKind.SELLER)
            .map(Mutes.Muted::value)
            .collect(Collectors.toSet());
    count(
            listings,
            m -> m.seller() == null ? Set.of() : Set.of(m.seller().toLowerCase(Locale.ROOT)))
        .forEach(
            (seller, n) -> {
              if (n >= 2
                  && !alert.excludedSellers().contains(seller)
                  && !mutedSellers.contains(seller)) {
                found.add(
                    new Suggestion(
                        "SELLER",
                        seller,
                        n,
                        of,
                        "Exclude the seller %s? %d of your %d mutes are theirs"
                            .formatted(seller, n, of),
                        "excludedSellers"));
              }
            });
    count(listings, m -> m.category() == null ? Set.of() : Set.of(m.category()))
        .forEach(
            (category, n) -> {
              if (2 * n >= of
                  && n >= MIN_MUTES
                  && !alert.excludedCategoryIds().contains(category)) {
                found.add(
                    new Suggestion(
                        "CATEGORY",
                        category,
                        n,
                        of,
                        "Exclude eBay category %s? %d of your %d mutes are in it"
                            .formatted(category, n, of),
                        "excludedCategoryIds"));
              }
            });
    return new Suggestions(
        found.stream()
            .sorted(Comparator.comparingInt(Suggestion::matches).reversed())
            .limit(MAX_SUGGESTIONS)
            .toList());
  }

  /** How many of the mutes hold each key (a key counts once per mute). */
  private static Map<String, Integer> count(
      List<Mutes.Muted> mutes, Function<Mutes.Muted, Set<String>> keys) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Mutes.Muted mute : mutes) {
      for (String key : keys.apply(mute)) {
        counts.merge(key, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Lower-case words of at least 3 letters that are not numbers or common words. */
  static Set<String> words(String text) {
    if (text == null) {
      return Set.of();
    }
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> w.length() >= 3 && !w.chars().allMatch(Character::isDigit))
        .filter(w -> !COMMON.contains(w))
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
