package dev.ebayalerts.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard's API types are generated from a committed copy of this service's OpenAPI document;
 * this keeps the copy equal to what the service serves, so a changed endpoint or record breaks the
 * build here rather than the dashboard at run time.
 */
@IntegrationTest
class CommittedApiDocumentTests {

  static final Path COMMITTED = Path.of("../alerts-frontend/openapi/alerts.json");
  static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Autowired RestTestClient http;

  @Test
  void committedDocumentEqualsTheServedOne() throws IOException {
    JsonNode served =
        normalised(
            JSON.readTree(
                http.get()
                    .uri("/v3/api-docs")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody()));

    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(COMMITTED, JSON.writeValueAsString(served) + "\n");
    }
    assertThat(Files.exists(COMMITTED))
        .as("%s is missing; %s", COMMITTED.toAbsolutePath().normalize(), HOW_TO_REFRESH)
        .isTrue();
    JsonNode committed = JSON.readTree(Files.readString(COMMITTED));
    assertThat(committed)
        .as(
            "%s differs from /v3/api-docs:%n%s%n%s",
            COMMITTED.normalize(),
            String.join("\n", differences("", committed, served)),
            HOW_TO_REFRESH)
        .isEqualTo(served);
  }

  static final String HOW_TO_REFRESH =
      "refresh it with ./mvnw -B verify -pl alerts-service -am"
          + " -Dtest=CommittedApiDocumentTests -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dopenapi.write=true, then run npm run build in alerts-frontend";

  /** The server list names the random port of the test: it says nothing about the API. */
  static JsonNode normalised(JsonNode document) {
    ((ObjectNode) document).remove("servers");
    return document;
  }

  /** JSON pointers where the two differ, each with both values, pretty-printed. */
  static List<String> differences(String pointer, JsonNode committed, JsonNode served) {
    List<String> found = new ArrayList<>();
    if (committed != null && served != null && committed.equals(served)) {
      return found;
    }
    if (committed != null && served != null && committed.isObject() && served.isObject()) {
      var names = new TreeSet<String>();
      committed.propertyNames().forEach(names::add);
      served.propertyNames().forEach(names::add);
      for (String name : names) {
        found.addAll(
            differences(
                pointer + "/" + name.replace("~", "~0").replace("/", "~1"),
                committed.get(name),
                served.get(name)));
      }
      return found;
    }
    found.add(
        "at "
            + (pointer.isEmpty() ? "/" : pointer)
            + "\n  committed: "
            + pretty(committed)
            + "\n  served:    "
            + pretty(served));
    return found;
  }

  private static String pretty(JsonNode node) {
    return node == null ? "(absent)" : JSON.writeValueAsString(node).replace("\n", "\n  ");
  }
}
