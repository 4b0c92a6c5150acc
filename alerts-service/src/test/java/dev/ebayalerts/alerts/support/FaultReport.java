package dev.ebayalerts.alerts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a fault test measured, one Markdown table row per scenario in {@code
 * target/fault-report/<scenario>.md}; the {@code bench:faults} section of BENCHMARKS.md collects
 * them.
 */
public final class FaultReport {

  public static final Path FOLDER = Path.of("target", "fault-report");

  private FaultReport() {}

  /**
   * @param lost events or emails that never arrived
   * @param duplicates emails sent twice (or events published twice, where said in the notes)
   * @param recoverySeconds from the fault ending until everything arrived
   * @param notes what was shortened and how the figures were taken
   */
  public static void record(
      String scenario, long lost, long duplicates, double recoverySeconds, String notes) {
    try {
      Files.createDirectories(FOLDER);
      Files.writeString(
          FOLDER.resolve(scenario + ".md"),
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.2f | %s |%n",
              scenario,
              lost,
              duplicates,
              recoverySeconds,
              notes),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
