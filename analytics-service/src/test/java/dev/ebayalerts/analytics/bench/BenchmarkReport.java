package dev.ebayalerts.analytics.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes one benchmark's section of the repository's {@code BENCHMARKS.md}: the text between {@code
 * <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->} is replaced (the section, or the file, is
 * created when missing), so every benchmark owns its section and leaves the others alone.
 */
final class BenchmarkReport {

  static final String COMMAND = "./mvnw -B -Pbench verify -pl analytics-service";

  private BenchmarkReport() {}

  /** An integer size from a system property ({@code -Dname=value}), for small trial runs. */
  static int size(String property, int fullSize) {
    return Integer.getInteger(property, fullSize);
  }

  /** The header every section starts with: what ran, when, where. */
  static String header(String title, String properties) {
    return "## "
        + title
        + "\n\n"
        + "Command: `"
        + COMMAND
        + (properties.isBlank() ? "" : " " + properties)
        + "`  \n"
        + "Date: "
        + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
        + " UTC  \n"
        + "Machine: "
        + Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version")
        + ", embedded PostgreSQL and Redis of the test support (shared with other builds running"
        + " at the time)\n";
  }

  static void write(String name, String markdown) {
    Path file = repositoryRoot().resolve("BENCHMARKS.md");
    String begin = "<!-- bench:" + name + " -->";
    String end = "<!-- /bench:" + name + " -->";
    String section = begin + "\n" + markdown.strip() + "\n" + end;
    try {
      String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
      int from = text.indexOf(begin);
      int to = text.indexOf(end);
      if (from >= 0 && to > from) {
        text = text.substring(0, from) + section + text.substring(to + end.length());
      } else {
        text = text.stripTrailing() + "\n\n" + section + "\n";
      }
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  /** The folder holding the Maven wrapper: tests run in the module's folder. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.exists(candidate.resolve("mvnw")) && Files.exists(candidate.resolve(".git"))) {
        return candidate;
      }
    }
    return dir;
  }

  static String seconds(double seconds) {
    return String.format(java.util.Locale.ROOT, "%.2f", seconds);
  }

  static String rate(double perSecond) {
    return String.format(java.util.Locale.ROOT, "%,.0f", perSecond);
  }

  static String ratio(double ratio) {
    return String.format(java.util.Locale.ROOT, "%.2f", ratio);
  }
}
