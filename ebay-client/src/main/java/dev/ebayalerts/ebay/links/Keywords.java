package dev.ebayalerts.ebay.links;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * eBay's keyword syntax split into what an alert searches and what it excludes: {@code -word},
 * {@code -"two words"} and {@code -(a,b)} are exclusions; quoted phrases, {@code (a,b)} groups and
 * wildcards stay in the phrase as written, since eBay's API reads them the same way.
 */
record Keywords(String phrase, List<String> excluded) {

  private static final Pattern NEEDS_QUOTES = Pattern.compile(".*[\\s,()].*");

  static Keywords parse(String text) {
    List<String> phrase = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      boolean exclusion =
          text.charAt(i) == '-'
              && i + 1 < text.length()
              && !Character.isWhitespace(text.charAt(i + 1));
      int start = exclusion ? i + 1 : i;
      int end = tokenEnd(text, start);
      String token = text.substring(start, end);
      if (!exclusion) {
        phrase.add(token);
      } else if (token.startsWith("(")) {
        String inside =
            token.substring(1, token.endsWith(")") ? token.length() - 1 : token.length());
        for (String word : inside.split(",")) {
          excluded.add(unquoted(word));
        }
      } else {
        excluded.add(unquoted(token));
      }
      i = end;
    }
    return new Keywords(String.join(" ", phrase), excluded);
  }

  /**
   * The keywords as eBay's {@code _nkw} takes them: the phrase, then each exclusion. A phrase with
   * an unclosed quote or bracket would take the exclusions after it in; those go first instead.
   */
  static String write(String phrase, List<String> excluded) {
    String exclusions =
        excluded.stream()
            .map(word -> NEEDS_QUOTES.matcher(word).matches() ? "-\"" + word + "\"" : "-" + word)
            .collect(Collectors.joining(" "));
    if (phrase.isEmpty() || exclusions.isEmpty()) {
      return phrase + exclusions;
    }
    String natural = phrase + " " + exclusions;
    return parse(natural).equals(new Keywords(phrase, excluded))
        ? natural
        : exclusions + " " + phrase;
  }

  /**
   * A quoted phrase or a group runs to its closing mark, anything else to the next space; an
   * opening mark that is never closed is an ordinary character.
   */
  private static int tokenEnd(String text, int start) {
    int end = start;
    char first = text.charAt(start);
    if (first == '"' || first == '(') {
      int close = text.indexOf(first == '"' ? '"' : ')', start + 1);
      end = close < 0 ? start : close + 1;
    }
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static String unquoted(String word) {
    return word.replace("\"", "").trim();
  }
}
