package dev.ebayalerts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard's API types are generated from committed copies of the services' OpenAPI documents;
 * each service's test hands what it serves to {@link #assertCommittedEquals}, so a changed endpoint
 * or record breaks the build there rather than the dashboard at run time.
 */
public final class ApiDocuments {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ApiDocuments() {}

  /** The OpenAPI document the service behind {@code http} serves at {@code /v3/api-docs}. */
  public static String served(RestTestClient http) {
    return http.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * Fails, naming every JSON pointer that differs and how to refresh the copy, unless the committed
   * document equals the served one; with {@code -Dopenapi.write=true} it first rewrites the copy.
   *
   * @param module the Maven module serving the document, for the refresh command
   */
  public static void assertCommittedEquals(String servedDocument, Path committed, String module) {
    String howToRefresh =
        "refresh it with ./mvnw -B verify -pl "
            + module
            + " -am -Dtest=CommittedApiDocumentTests -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dopenapi.write=true, then run npm run build in alerts-frontend";
    JsonNode served = normalised(JSON.readTree(servedDocument));
    try {
      if (Boolean.getBoolean("openapi.write")) {
        Files.writeString(committed, JSON.writeValueAsString(served) + "\n");
      }
      assertThat(Files.exists(committed))
          .as("%s is missing; %s", committed.toAbsolutePath().normalize(), howToRefresh)
          .isTrue();
      JsonNode copy = JSON.readTree(Files.readString(committed));
      assertThat(copy)
          .as(
              "%s differs from /v3/api-docs:%n%s%n%s",
              committed.normalize(), String.join("\n", differences("", copy, served)), howToRefresh)
          .isEqualTo(served);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails, naming each offending operation, unless every operation documents a 2xx response and
   * every 2xx JSON body names its schema ({@code $ref}, or an array or map of one): a bare {@code
   * object} or a missing success would leave the dashboard hand-writing that type.
   */
  public static void assertEverySuccessTyped(String servedDocument) {
    JsonNode paths = JSON.readTree(servedDocument).path("paths");
    List<String> untyped = new ArrayList<>();
    for (String path : paths.propertyNames()) {
      JsonNode operations = paths.get(path);
      for (String method : operations.propertyNames()) {
        String operation = method.toUpperCase(Locale.ROOT) + " " + path;
        JsonNode responses = operations.get(method).path("responses");
        boolean anySuccess = false;
        for (String status : responses.propertyNames()) {
          if (!status.startsWith("2")) {
            continue;
          }
          anySuccess = true;
          JsonNode content = responses.get(status).path("content");
          for (String mediaType : content.propertyNames()) {
            if ((mediaType.contains("json") || mediaType.equals("*/*"))
                && !typed(content.get(mediaType).path("schema"))) {
              untyped.add(
                  operation + " " + status + " " + mediaType + ": " + content.get(mediaType));
            }
          }
        }
        if (!anySuccess) {
          untyped.add(operation + ": no 2xx response");
        }
      }
    }
    assertThat(untyped).as("operations whose success is not typed").isEmpty();
  }

  private static boolean typed(JsonNode schema) {
    if (schema.has("$ref")) {
      return true;
    }
    if (schema.has("items")) {
      return typed(schema.get("items"));
    }
    if (schema.path("additionalProperties").isObject()) {
      return typed(schema.get("additionalProperties"));
    }
    // OpenAPI 3.1 may give the type as a list, e.g. ["string", "null"]
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode each : type) {
        if (!each.asString().equals("null")) {
          return !each.asString().equals("object");
        }
      }
      return false;
    }
    return type.isString() && !type.asString().equals("object");
  }

  /** The server list names the random port of the test: it says nothing about the API. */
  private static JsonNode normalised(JsonNode document) {
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
