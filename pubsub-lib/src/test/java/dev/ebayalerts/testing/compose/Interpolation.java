package dev.ebayalerts.testing.compose;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compose's variable interpolation: {@code $$} is a literal {@code $}; {@code $VAR}, {@code
 * ${VAR}}, {@code ${VAR:-default}} (unset or empty), {@code ${VAR-default}} (unset), {@code
 * ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alternative}} and {@code ${VAR+alternative}},
 * where defaults and alternatives may hold further interpolations.
 */
public final class Interpolation {

  private Interpolation() {}

  /** Every variable the text reads, also those only read in a default. */
  public static Set<String> variables(String text) {
    Set<String> names = new LinkedHashSet<>();
    new Parser(text, Map.of(), false, names).all();
    return names;
  }

  /**
   * The text as Compose would pass it on, with {@code values} as the environment.
   *
   * @throws IllegalArgumentException where a {@code ?} form finds its variable missing, with the
   *     message Compose would print
   */
  public static String resolve(String text, Map<String, String> values) {
    return new Parser(text, values, true, new LinkedHashSet<>()).all();
  }

  /** Like {@link #resolve}, but a missing required variable becomes empty instead of an error. */
  static String resolveLeniently(String text, Map<String, String> values) {
    return new Parser(text, values, false, new LinkedHashSet<>()).all();
  }

  private static final class Parser {
    private final String text;
    private final Map<String, String> values;
    private final boolean strict;
    private final Set<String> names;
    private int at;

    Parser(String text, Map<String, String> values, boolean strict, Set<String> names) {
      this.text = text;
      this.values = values;
      this.strict = strict;
      this.names = names;
    }

    String all() {
      return until(false);
    }

    /** Reads up to the end, or up to the closing brace of the enclosing expression. */
    private String until(boolean inBraces) {
      StringBuilder out = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at);
        if (inBraces && c == '}') {
          return out.toString();
        }
        if (c != '$') {
          out.append(c);
          at++;
        } else if (at + 1 < text.length() && text.charAt(at + 1) == '$') {
          out.append('$');
          at += 2;
        } else if (at + 1 < text.length() && text.charAt(at + 1) == '{') {
          at += 2;
          out.append(braced());
        } else {
          at++;
          String name = name();
          if (name.isEmpty()) {
            out.append('$');
          } else {
            out.append(value(name) == null ? "" : value(name));
          }
        }
      }
      if (inBraces) {
        throw new IllegalArgumentException("Unclosed ${ in: " + text);
      }
      return out.toString();
    }

    private String braced() {
      String name = name();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("Invalid interpolation format in: " + text);
      }
      String value = value(name);
      String operator = operator();
      String argument = operator.isEmpty() ? "" : until(true);
      if (at >= text.length() || text.charAt(at) != '}') {
        throw new IllegalArgumentException("Unclosed ${ in: " + text);
      }
      at++;
      boolean unset = value == null;
      boolean empty = unset || value.isEmpty();
      return switch (operator) {
        case "" -> unset ? "" : value;
        case ":-" -> empty ? argument : value;
        case "-" -> unset ? argument : value;
        case ":+" -> empty ? "" : argument;
        case "+" -> unset ? "" : argument;
        case ":?" -> {
          if (empty && strict) {
            throw new IllegalArgumentException(
                "required variable " + name + " is missing a value: " + argument);
          }
          yield empty ? "" : value;
        }
        case "?" -> {
          if (unset && strict) {
            throw new IllegalArgumentException(
                "required variable " + name + " is missing a value: " + argument);
          }
          yield unset ? "" : value;
        }
        default -> throw new IllegalStateException(operator);
      };
    }

    private String operator() {
      for (String operator : new String[] {":-", ":?", ":+", "-", "?", "+"}) {
        if (text.startsWith(operator, at)) {
          at += operator.length();
          return operator;
        }
      }
      return "";
    }

    private String name() {
      int start = at;
      while (at < text.length()
          && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      return text.substring(start, at);
    }

    private String value(String name) {
      names.add(name);
      return values.get(name);
    }
  }
}
