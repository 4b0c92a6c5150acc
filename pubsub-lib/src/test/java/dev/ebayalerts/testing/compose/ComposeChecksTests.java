package dev.ebayalerts.testing.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each check fed a copy of the repository's docker-compose.yml or .env.example broken on purpose:
 * it names exactly what was broken. (The checks of the files as they are run in alerts-service,
 * ComposeFileTests, which knows the ports set in code.)
 */
class ComposeChecksTests {

  @TempDir Path dir;

  @Test
  void reportsAPropertyTheSchemaDoesNotKnow() throws IOException {
    Path schema = Repository.composeSchema().orElse(null);
    assumeTrue(
        schema != null,
        "Compose Specification schema not found at ../shared/compose-spec/compose-spec.json"
            + " (next to the repository, as in CI): schema check skipped");
    Path compose = brokenCompose(text -> text.replace("    image: redis:", "    imagee: redis:"));

    assertThat(ComposeChecks.schemaViolations(compose, schema))
        .singleElement()
        .asString()
        .contains("docker-compose.yml at /services/redis")
        .contains("imagee");
  }

  @Test
  void reportsAValueOfTheWrongType() throws IOException {
    Path schema = Repository.composeSchema().orElse(null);
    assumeTrue(
        schema != null,
        "Compose Specification schema not found at ../shared/compose-spec/compose-spec.json:"
            + " schema check skipped");
    Path compose = brokenCompose(text -> text.replace("retries: 10", "retries: [10]"));

    assertThat(ComposeChecks.schemaViolations(compose, schema))
        .isNotEmpty()
        .allSatisfy(problem -> assertThat(problem).contains("/healthcheck/retries"));
  }

  @Test
  void reportsADependencyWithoutHealthcheck() throws IOException {
    Path compose =
        brokenCompose(
            text ->
                text.replace(
                    "    healthcheck:\n      test: [\"CMD-SHELL\", \"redis-cli ping | grep -q PONG\"]",
                    "    x-healthcheck:\n      test: [\"CMD-SHELL\", \"redis-cli ping | grep -q PONG\"]"));

    assertThat(ComposeChecks.unhealthyDependencies(compose))
        .containsExactly(
            "alerts-service depends on redis, which has no healthcheck",
            "analytics-service depends on redis, which has no healthcheck");
  }

  @Test
  void reportsADependencyThatIsOnlyWaitedToStart() throws IOException {
    Path compose =
        brokenCompose(
            text ->
                text.replace(
                    "    depends_on:\n      gateway:\n        condition: service_healthy",
                    "    depends_on:\n      - gateway"));

    assertThat(ComposeChecks.unhealthyDependencies(compose))
        .containsExactly(
            "dashboard depends on gateway with condition: service_started, not service_healthy");
  }

  @Test
  void reportsAPublishedPortNothingListensOn() throws IOException {
    Path compose =
        brokenCompose(
            text ->
                text.replace(
                    "${ANALYTICS_HTTP_PORT:-8081}:8081\"", "${ANALYTICS_HTTP_PORT:-8081}:8082\""));

    assertThat(ComposeChecks.portMismatches(compose, Repository.envExample(), knownPorts()))
        .containsExactly(
            "gateway publishes container port 8082, but gateway listens on [8079, 8080, 8081]");
  }

  @Test
  void reportsAProxyToAPortTheServiceDoesNotListenOn() throws IOException {
    Path compose =
        brokenCompose(
            text ->
                text.replace(
                    "proxy_pass http://$$analytics_backend:8081;",
                    "proxy_pass http://$$analytics_backend:8080;"));

    assertThat(ComposeChecks.portMismatches(compose, Repository.envExample(), knownPorts()))
        .containsExactly(
            "gateway reaches analytics-service on port 8080, but analytics-service listens on"
                + " [8081]");
  }

  @Test
  void readsTheServicePortFromTheEnvironmentComposeGivesIt() throws IOException {
    // PORT is server.port's placeholder in alerts-service's application.yml
    Path compose =
        brokenCompose(
            text ->
                text.replace(
                    "      ALERTS_DB_URL: ${ALERTS_DB_URL:-",
                    "      PORT: \"9000\"\n      ALERTS_DB_URL: ${ALERTS_DB_URL:-"));

    assertThat(ComposeChecks.portMismatches(compose, Repository.envExample(), knownPorts()))
        .containsExactly(
            "alerts-service's healthcheck calls port 8080, but alerts-service listens on [9000]",
            "gateway reaches alerts-service on port 8080, but alerts-service listens on [9000]");
  }

  @Test
  void reportsAPortOfAServiceWhoseListeningPortIsUnknown() throws IOException {
    Path compose = brokenCompose(UnaryOperator.identity());

    assertThat(ComposeChecks.portMismatches(compose, Repository.envExample(), Map.of()))
        .contains("mailpit publishes container port 8025, but what mailpit listens on is unknown");
  }

  @Test
  void reportsAVariableTheEnvFileDoesNotList() throws IOException {
    Path env = brokenEnvFile(text -> text.replaceAll("(?m)^REDIS_MAXMEMORY=.*\\n", ""));

    assertThat(ComposeChecks.envFileMismatches(Repository.composeFile(), env))
        .containsExactly(".env.example lacks REDIS_MAXMEMORY, which docker-compose.yml reads");
  }

  @Test
  void reportsAVariableTheComposeFileNeverReads() throws IOException {
    Path env =
        brokenEnvFile(text -> text + "\n# Left over from an old version.\nALERTS_WORKERS=4\n");

    assertThat(ComposeChecks.envFileMismatches(Repository.composeFile(), env))
        .containsExactly(".env.example lists ALERTS_WORKERS, which docker-compose.yml never reads");
  }

  @Test
  void countsAVariableOnlyShownCommentedOutAsListed() throws IOException {
    Path env =
        brokenEnvFile(text -> text.replaceFirst("(?m)^REDIS_MAXMEMORY=", "# REDIS_MAXMEMORY="));

    assertThat(ComposeChecks.envFileMismatches(Repository.composeFile(), env)).isEmpty();
  }

  @Test
  void reportsFloatingImageTags() throws IOException {
    Path compose =
        brokenCompose(
            text ->
                text.replaceFirst("image: redis:\\S+", "image: redis:7-alpine")
                    .replaceFirst("image: axllent/mailpit:\\S+", "image: axllent/mailpit")
                    .replaceFirst("image: nginx:\\S+", "image: nginx:latest")
                    .replaceFirst("image: postgres:\\S+", "image: postgres:17-alpine"));

    assertThat(ComposeChecks.floatingImages(compose))
        .containsExactly(
            "alerts-db: image postgres:17-alpine has no full version",
            "redis: image redis:7-alpine has no full version",
            "mailpit: image axllent/mailpit has no version tag",
            "gateway: image nginx:latest has no version tag");
  }

  @Test
  void reportsARedisWithoutThe2025LuaFixes() throws IOException {
    Path compose =
        brokenCompose(text -> text.replaceFirst("image: redis:\\S+", "image: redis:7.4.5-alpine"));

    assertThat(ComposeChecks.floatingImages(compose))
        .containsExactly(
            "redis: image redis:7.4.5-alpine is older than Redis 7.4.6 (the 2025 Lua fixes)");
  }

  @Test
  void reportsARedisSix() throws IOException {
    Path compose =
        brokenCompose(text -> text.replaceFirst("image: redis:\\S+", "image: redis:6.2.20"));

    assertThat(ComposeChecks.floatingImages(compose))
        .containsExactly(
            "redis: image redis:6.2.20 is older than Redis 7.4.6 (the 2025 Lua fixes)");
  }

  @Test
  void acceptsRedisFrom7_4_6AndEight() throws IOException {
    for (String tag : new String[] {"7.4.6-alpine", "7.4.7", "8.0.0"}) {
      Path compose =
          brokenCompose(text -> text.replaceFirst("image: redis:\\S+", "image: redis:" + tag));
      assertThat(ComposeChecks.floatingImages(compose)).as(tag).isEmpty();
    }
  }

  @Test
  void reportsFloatingImagesInTheDockerfilesItBuilds() throws IOException {
    Files.writeString(
        dir.resolve("Dockerfile"),
        """
        # syntax=docker/dockerfile:1
        FROM node:20-alpine AS build
        RUN true
        FROM build AS test
        FROM eclipse-temurin:17.0.17_10-jre
        """);
    Path compose = dir.resolve("docker-compose.yml");
    Files.writeString(compose, "services:\n  app:\n    build:\n      context: .\n");

    assertThat(ComposeChecks.floatingImages(compose))
        .containsExactly(
            "Dockerfile (syntax): image docker/dockerfile:1 has no full version",
            "Dockerfile: image node:20-alpine has no full version");
  }

  /** The ports the files cannot tell (ComposeFileTests has the same, ebay-mock's from its code). */
  private static Map<String, Set<Integer>> knownPorts() {
    return Map.of(
        "mailpit", Set.of(8025, 1025),
        "ebay-mock", Set.of(8090),
        "prometheus", Set.of(9090),
        "grafana", Set.of(3000));
  }

  /**
   * The repository's compose file changed by {@code edit}, in a folder of its own; build contexts
   * still point at the repository, so Dockerfiles and application.yml files are found.
   */
  private Path brokenCompose(UnaryOperator<String> edit) throws IOException {
    String root = Repository.root().toString();
    String text =
        Files.readString(Repository.composeFile())
            .replace("context: .\n", "context: " + root + "\n")
            .replace("context: ./", "context: " + root + "/");
    String broken = edit.apply(text);
    if (edit != UnaryOperator.<String>identity()) {
      assertThat(broken).as("the edit changes the file").isNotEqualTo(text);
    }
    Path compose = dir.resolve("docker-compose.yml");
    Files.writeString(compose, broken);
    return compose;
  }

  private Path brokenEnvFile(UnaryOperator<String> edit) throws IOException {
    String text = Files.readString(Repository.envExample());
    String broken = edit.apply(text);
    assertThat(broken).as("the edit changes the file").isNotEqualTo(text);
    Path env = dir.resolve(".env.example");
    Files.writeString(env, broken);
    return env;
  }
}
