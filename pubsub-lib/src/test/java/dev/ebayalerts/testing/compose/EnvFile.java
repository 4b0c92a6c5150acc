package dev.ebayalerts.testing.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An env file such as {@code .env.example}: its settings, and every variable it lists, also those
 * only shown commented out ({@code # EBAY_ENV=production}) as an alternative to uncomment.
 *
 * @param values the settings Compose would read from it (a later line wins)
 * @param listed every variable with a line of its own, set or commented out
 */
public record EnvFile(Map<String, String> values, Set<String> listed) {

  private static final Pattern SETTING =
      Pattern.compile("^(#\\s*)?(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

  public static EnvFile read(Path file) {
    try {
      Map<String, String> values = new LinkedHashMap<>();
      Set<String> listed = new LinkedHashSet<>();
      for (String line : Files.readAllLines(file)) {
        Matcher setting = SETTING.matcher(line.strip());
        if (setting.matches()) {
          listed.add(setting.group(2));
          if (setting.group(1) == null) {
            values.put(setting.group(2), value(setting.group(3)));
          }
        }
      }
      return new EnvFile(Collections.unmodifiableMap(values), Collections.unmodifiableSet(listed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String value(String raw) {
    String value = raw.strip();
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    int comment = value.indexOf(" #");
    return comment < 0 ? value : value.substring(0, comment).strip();
  }
}
