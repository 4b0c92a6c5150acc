package dev.ebayalerts.alerts.bench;

import dev.ebayalerts.alerts.FaultToleranceTests;
import dev.ebayalerts.alerts.support.FaultReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The fault scenarios of {@link FaultToleranceTests}, the same tests run again under {@code
 * -Pbench}, collected into the {@code bench:faults} section of BENCHMARKS.md.
 */
@BenchTest
class FaultsBenchmarkTests extends FaultToleranceTests {

  @BeforeAll
  static void forgetEarlierReports() throws IOException {
    if (Files.isDirectory(FaultReport.FOLDER)) {
      try (Stream<Path> files = Files.list(FaultReport.FOLDER)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @AfterAll
  static void writeReport() throws IOException {
    String rows;
    try (Stream<Path> files = Files.list(FaultReport.FOLDER)) {
      rows = files.sorted().map(FaultsBenchmarkTests::read).collect(Collectors.joining());
    }
    BenchReport.write(
        "faults",
        "## Faults\n\n"
            + BenchReport.header(
                "./mvnw -B -Pbench verify -pl alerts-service -Dtest=FaultsBenchmarkTests"
                    + " (the same scenarios run in the normal build as FaultToleranceTests,"
                    + " which write target/fault-report/*.md)")
            + "\nEach scenario injects the fault while work is flowing, against the real"
            + " embedded PostgreSQL, Redis and GreenMail and the WireMock eBay stub. Baseline:"
            + " zero lost and zero duplicates. Outages are shortened (see each row) by the"
            + " test settings' faster retries.\n\n"
            + "| scenario | lost | duplicates | recovery (s) | how |\n"
            + "|---|---:|---:|---:|---|\n"
            + rows);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
