package dev.ebayalerts.alerts.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ebayalerts.ebaymock.EbayMockApplication;
import dev.ebayalerts.testing.compose.ComposeChecks;
import dev.ebayalerts.testing.compose.Repository;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The repository's docker-compose.yml, .env.example and the Dockerfiles compose builds from,
 * checked without a Docker engine. Here rather than in compose-check because ebay-mock's port is
 * set in its code, which is on this module's test class path. (compose-check's own tests show each
 * check failing on a broken copy.)
 */
class ComposeFileTests {

  /**
   * What the files cannot tell: ebay-mock's port is set in code; the others are the documented
   * ports of third-party images.
   */
  private static final Map<String, Set<Integer>> PORTS_SET_ELSEWHERE =
      Map.of(
          "ebay-mock", Set.of(EbayMockApplication.DEFAULT_PORT),
          "mailpit", Set.of(8025, 1025),
          "alerts-db", Set.of(5432),
          "analytics-db", Set.of(5432),
          "redis", Set.of(6379),
          "prometheus", Set.of(9090),
          "grafana", Set.of(3000));

  @Test
  void followsTheComposeSpecification() {
    Path schema = Repository.composeSchema().orElse(null);
    assumeTrue(
        schema != null,
        "Compose Specification schema not found at ../shared/compose-spec/compose-spec.json"
            + " (next to the repository, as in CI): docker-compose.yml not checked against it");

    assertThat(ComposeChecks.schemaViolations(Repository.composeFile(), schema)).isEmpty();
  }

  @Test
  void startsAServiceOnlyOnceWhatItDependsOnIsHealthy() {
    assertThat(ComposeChecks.unhealthyDependencies(Repository.composeFile())).isEmpty();
  }

  @Test
  void publishesAndCallsOnlyPortsTheServicesListenOn() {
    assertThat(
            ComposeChecks.portMismatches(
                Repository.composeFile(), Repository.envExample(), PORTS_SET_ELSEWHERE))
        .isEmpty();
  }

  @Test
  void envExampleListsExactlyTheVariablesComposeReads() {
    assertThat(ComposeChecks.envFileMismatches(Repository.composeFile(), Repository.envExample()))
        .isEmpty();
  }

  @Test
  void runsExactImageVersions() {
    assertThat(ComposeChecks.floatingImages(Repository.composeFile())).isEmpty();
  }
}
