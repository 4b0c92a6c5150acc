package dev.ebayalerts.alerts.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * Writes a benchmark's section of the root BENCHMARKS.md: everything between {@code <!-- bench:NAME
 * -->} and {@code <!-- /bench:NAME -->} is replaced, other sections are kept.
 */
public final class BenchReport {

  private static final Path FILE = Path.of("..", "BENCHMARKS.md");

  private BenchReport() {}

  public static synchronized void write(String name, String body) {
    String start = "<!-- bench:" + name + " -->";
    String end = "<!-- /bench:" + name + " -->";
    String section = start + "\n" + body.strip() + "\n" + end;
    try {
      String text =
          Files.exists(FILE)
              ? Files.readString(FILE, StandardCharsets.UTF_8)
              : "# Benchmarks\n\nFigures measured on the machine named in each section; each"
                  + " section is rewritten by the benchmark that owns it.\n";
      int from = text.indexOf(start);
      int to = text.indexOf(end);
      if (from >= 0 && to > from) {
        text = text.substring(0, from) + section + text.substring(to + end.length());
      } else {
        text = text.stripTrailing() + "\n\n" + section + "\n";
      }
      Files.writeString(FILE, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** When, where and how a figure was measured. */
  public static String header(String command) {
    return "Command: `"
        + command
        + "`  \nDate: "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + "  \nMachine: "
        + machine()
        + "  \nLoad average when this section was written (1/5/15 min; other builds share the"
        + " machine): "
        + loadAverage()
        + "\n";
  }

  static String loadAverage() {
    try {
      String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return load[0] + " / " + load[1] + " / " + load[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (IOException | RuntimeException e) {
      // not Linux: the name is only informative
    }
    long memory =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize()
            >> 30;
    return "%d cores (%s), %d GiB RAM, %s, Java %s; PostgreSQL, Redis and SMTP embedded on the same machine"
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            cpu,
            memory,
            System.getProperty("os.name"),
            System.getProperty("java.version"));
  }

  /** The p-th percentile (0-100) of the values, nearest rank. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public static String format(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
  }
}
