package dev.ebayalerts.testing.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlTests {

  @Test
  void resolvesAliasesAndMergeKeysLettingTheMappingsOwnEntriesWin() {
    var document =
        Yaml.read(
            """
            x-a: &a {restart: always, memory: 1g}
            x-b: &b {memory: 2g, user: app}
            service:
              <<: [*a, *b]
              restart: "no"
            copy: *a
            volumes:
              data:
            """);

    assertThat(document.path("service").toString())
        .isEqualTo("{\"restart\":\"no\",\"memory\":\"1g\",\"user\":\"app\"}");
    assertThat(document.path("copy").path("restart").asString()).isEqualTo("always");
    assertThat(document.path("volumes").path("data").isNull()).isTrue();
  }
}
