package dev.ebayalerts.testing.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The repository's deployment files, found from a module's folder (where tests run). */
public final class Repository {

  private Repository() {}

  /**
   * The repository root: the nearest folder up from the working directory with the compose file.
   */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No docker-compose.yml in " + Path.of("").toAbsolutePath() + " or above");
  }

  public static Path composeFile() {
    return root().resolve("docker-compose.yml");
  }

  public static Path envExample() {
    return root().resolve(".env.example");
  }

  /**
   * The Compose Specification's JSON schema, kept beside the repository ({@code
   * ../shared/compose-spec/compose-spec.json}) rather than copied into it; CI has it, a plain clone
   * does not.
   */
  public static Optional<Path> composeSchema() {
    Path schema = root().resolve("../shared/compose-spec/compose-spec.json").normalize();
    return Files.isRegularFile(schema) ? Optional.of(schema) : Optional.empty();
  }
}
