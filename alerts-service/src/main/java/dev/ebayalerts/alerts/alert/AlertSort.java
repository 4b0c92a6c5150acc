package dev.ebayalerts.alerts.alert;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;

/**
 * Parses the {@code sort} query parameter ({@code property[,asc|desc]}) against the properties a
 * client may sort by. The id is always added last so that pages are stable when values tie.
 */
final class AlertSort {

  static final String DEFAULT = "createdAt,desc";
  static final String ALLOWED =
      "createdAt, updatedAt, searchPhrase, email, frequencyMinutes, optionally followed by ,asc or"
          + " ,desc";

  private static final Map<String, String> PROPERTIES =
      Map.of(
          "createdat", "createdAt",
          "updatedat", "updatedAt",
          "searchphrase", "searchPhrase",
          "email", "email",
          "frequencyminutes", "frequencyMinutes");

  private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

  private AlertSort() {}

  static Optional<Sort> parse(String value) {
    String[] parts = COMMA.split(value.strip());
    if (parts.length < 1 || parts.length > 2) {
      return Optional.empty();
    }
    String property = PROPERTIES.get(parts[0].toLowerCase(Locale.ROOT));
    if (property == null) {
      return Optional.empty();
    }
    Sort.Direction direction = Sort.Direction.ASC;
    if (parts.length == 2) {
      Optional<Sort.Direction> parsed = Sort.Direction.fromOptionalString(parts[1]);
      if (parsed.isEmpty()) {
        return Optional.empty();
      }
      direction = parsed.get();
    }
    return Optional.of(Sort.by(direction, property).and(Sort.by("id")));
  }
}
