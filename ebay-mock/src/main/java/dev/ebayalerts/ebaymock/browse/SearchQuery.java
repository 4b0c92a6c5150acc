package dev.ebayalerts.ebaymock.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keywords of {@code q}: the terms that select listings (which seed them, so the same words in
 * any order and case give the same listings) and the {@code -word} terms that exclude titles.
 */
record SearchQuery(List<String> terms, Set<String> excluded) {

  static SearchQuery parse(String q) {
    Set<String> terms = new TreeSet<>();
    Set<String> excluded = new TreeSet<>();
    if (q != null) {
      // eBay's OR syntax "(a, b)" is treated as plain words; the mock has no use for it.
      for (String raw : q.toLowerCase(Locale.ROOT).split("[\\s,()]+")) {
        boolean negative = raw.startsWith("-");
        String word = raw.replaceAll("[^\\p{L}\\p{N}]", "");
        if (!word.isEmpty()) {
          (negative ? excluded : terms).add(word);
        }
      }
    }
    return new SearchQuery(new ArrayList<>(terms), excluded);
  }

  boolean isEmpty() {
    return terms.isEmpty();
  }

  long seed() {
    return Rng.seedOf(String.join(" ", terms));
  }

  boolean admits(String title) {
    List<String> words =
        List.of(title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]", "").split("\\s+"));
    return excluded.stream().noneMatch(words::contains);
  }
}
