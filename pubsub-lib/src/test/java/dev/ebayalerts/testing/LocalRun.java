package dev.ebayalerts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Defaults the local run's service launchers set before Spring starts: each only where neither an
 * environment variable nor a system property of that name is set, so the user's own values win.
 * Secrets are generated once into the data folder and read back on every start, so the services of
 * one local run share them and a restart keeps links and sessions valid.
 */
public final class LocalRun {

  private LocalRun() {}

  /** The local run's data folder: {@code LOCAL_DATA_DIR}, else {@code ../.local-data}. */
  public static Path dataFolder() {
    return Path.of(System.getenv().getOrDefault("LOCAL_DATA_DIR", "../.local-data"))
        .toAbsolutePath();
  }

  /** Sets a system property unless the name is already set. */
  public static void setIfAbsent(String name, String value) {
    if (absent(name)) {
      System.setProperty(name, value);
    }
  }

  /** Sets a system property to the secret kept in {@code file} unless the name is already set. */
  public static void secretIfAbsent(String name, Path file) {
    if (absent(name)) {
      System.setProperty(name, secret(file));
    }
  }

  /** Neither an environment variable nor a system property of this name is set. */
  public static boolean absent(String name) {
    return System.getenv(name) == null && System.getProperty(name) == null;
  }

  /** The secret in {@code file}, made first (32 random bytes, URL-safe Base64) if there is none. */
  public static String secret(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(file.getParent());
      Files.writeString(file, secret);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create " + file, e);
    }
  }
}
