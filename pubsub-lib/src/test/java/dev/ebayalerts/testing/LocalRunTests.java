package dev.ebayalerts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunTests {

  @Test
  void makesASecretOnceAndReadsItBackOnTheNextStart(@TempDir Path data) throws Exception {
    Path file = data.resolve("nested/link-secret");

    String first = LocalRun.secret(file);
    String again = LocalRun.secret(file);

    assertThat(first).matches("[A-Za-z0-9_-]{43}");
    assertThat(again).isEqualTo(first);
    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(LocalRun.secret(data.resolve("other"))).isNotEqualTo(first);
  }

  @Test
  void leavesAValueTheUserSetAlone() {
    String name = "local-run-tests." + System.nanoTime();
    try {
      LocalRun.setIfAbsent(name, "default");
      assertThat(System.getProperty(name)).isEqualTo("default");
      LocalRun.setIfAbsent(name, "other");
      assertThat(System.getProperty(name)).isEqualTo("default");
      assertThat(LocalRun.absent("PATH")).isFalse();
    } finally {
      System.clearProperty(name);
    }
  }
}
