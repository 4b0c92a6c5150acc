package dev.ebayalerts.testing.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A {@code docker-compose.yml} as Compose reads it: anchors, aliases and merge keys resolved,
 * variables not yet interpolated.
 */
public final class ComposeFile {

  private final Path file;
  private final JsonNode document;

  private ComposeFile(Path file, JsonNode document) {
    this.file = file;
    this.document = document;
  }

  public static ComposeFile read(Path file) {
    return new ComposeFile(file.toAbsolutePath().normalize(), Yaml.read(file));
  }

  public Path file() {
    return file;
  }

  /** The folder relative paths in the file start from (build contexts, config files). */
  public Path directory() {
    return file.getParent();
  }

  JsonNode document() {
    return document;
  }

  public Set<String> services() {
    return new LinkedHashSet<>(document.path("services").propertyNames());
  }

  JsonNode service(String name) {
    JsonNode service = document.path("services").path(name);
    if (service.isMissingNode()) {
      throw new IllegalArgumentException(file.getFileName() + " has no service " + name);
    }
    return service;
  }

  /** The service's environment as written, name to (uninterpolated) value. */
  public Map<String, String> environment(String service) {
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode node = service(service).path("environment");
    if (node.isArray()) {
      for (JsonNode entry : node) {
        String text = entry.asString();
        int equals = text.indexOf('=');
        environment.put(
            equals < 0 ? text : text.substring(0, equals),
            equals < 0 ? "" : text.substring(equals + 1));
      }
    } else {
      node.properties().forEach(entry -> environment.put(entry.getKey(), scalar(entry.getValue())));
    }
    return environment;
  }

  /**
   * The service's environment as its container gets it, with {@code values} interpolated.
   *
   * @throws IllegalArgumentException where a required variable ({@code ${NAME:?...}}) is missing
   */
  public Map<String, String> environment(String service, Map<String, String> values) {
    Map<String, String> resolved = new LinkedHashMap<>();
    environment(service)
        .forEach((name, value) -> resolved.put(name, Interpolation.resolve(value, values)));
    return resolved;
  }

  /** Like {@link #environment(String, Map)}, with missing required variables left empty. */
  Map<String, String> environmentLeniently(String service, Map<String, String> values) {
    Map<String, String> resolved = new LinkedHashMap<>();
    environment(service)
        .forEach(
            (name, value) -> resolved.put(name, Interpolation.resolveLeniently(value, values)));
    return resolved;
  }

  /** Every variable Compose interpolates anywhere in the file. */
  public Set<String> variables() {
    Set<String> variables = new LinkedHashSet<>();
    collectVariables(document, variables);
    return variables;
  }

  private static void collectVariables(JsonNode node, Set<String> variables) {
    if (node.isString()) {
      variables.addAll(Interpolation.variables(node.asString()));
    }
    node.values().forEach(child -> collectVariables(child, variables));
  }

  /** The folder a service's image is built from, if it is built here. */
  Optional<Path> buildContext(String service) {
    JsonNode build = service(service).path("build");
    if (build.isMissingNode()) {
      return Optional.empty();
    }
    String context = build.isString() ? build.asString() : build.path("context").asString(".");
    return Optional.of(directory().resolve(context).normalize());
  }

  /** The Dockerfile a service's image is built from, if it is built here. */
  Optional<Path> dockerfile(String service) {
    return buildContext(service)
        .map(
            context ->
                context.resolve(
                    service(service).path("build").path("dockerfile").asString("Dockerfile")))
        .map(Path::normalize)
        .filter(Files::exists);
  }

  static String scalar(JsonNode node) {
    return node.isNull() ? "" : node.asString();
  }
}
