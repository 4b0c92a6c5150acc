package dev.ebayalerts.testing.compose;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks of a compose file and its env file that {@code docker compose} itself would only reveal at
 * run time, or never. Each returns what is wrong, one sentence per problem; empty means fine.
 */
public final class ComposeChecks {

  /** The first Redis 7.4 release with the 2025 Lua fixes (CVE-2025-49844 and its companions). */
  static final List<Integer> REDIS_MINIMUM = List.of(7, 4, 6);

  private static final Pattern NGINX_LISTEN =
      Pattern.compile("^\\s*listen\\s+(?:\\S+:)?(\\d+)\\b", Pattern.MULTILINE);
  private static final Pattern NGINX_SET =
      Pattern.compile("\\bset\\s+\\$(\\w+)\\s+([\\w.-]+)\\s*;");
  private static final Pattern URL_PORT = Pattern.compile("\\bhttps?://(\\$?[\\w.-]+):(\\d+)");
  private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
  private static final Pattern DOCKERFILE_FROM =
      Pattern.compile(
          "^FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$",
          Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
  private static final Pattern DOCKERFILE_SYNTAX =
      Pattern.compile("^#\\s*syntax\\s*=\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DOCKERFILE_COPY_NGINX =
      Pattern.compile("^COPY\\s+(?!--from)(\\S+)\\s+/etc/nginx/\\S*", Pattern.MULTILINE);
  private static final Pattern VERSION = Pattern.compile("^v?(\\d+(?:\\.\\d+)*)");

  /**
   * Draft 7, which the Compose schema declares, plus the later {@code deprecated} annotation it
   * also uses (otherwise each use logs an unknown-keyword warning).
   */
  private static final Dialect COMPOSE_SPEC_DIALECT =
      Dialect.builder(Dialects.getDraft7()).keyword(new AnnotationKeyword("deprecated")).build();

  private ComposeChecks() {}

  /** Where the file breaks the Compose Specification's JSON schema. */
  public static List<String> schemaViolations(Path compose, Path schemaFile) {
    // Given with its file's address: the schema's relative $id resolves against it.
    Schema schema =
        SchemaRegistry.withDefaultDialect(COMPOSE_SPEC_DIALECT)
            .getSchema(
                SchemaLocation.of(schemaFile.toAbsolutePath().toUri().toString()),
                JsonMapper.shared().readTree(schemaFile.toFile()));
    List<Error> errors = schema.validate(ComposeFile.read(compose).document());
    return errors.stream()
        .map(
            error ->
                compose.getFileName()
                    + " at "
                    + error.getInstanceLocation()
                    + ": "
                    + error.getMessage())
        .toList();
  }

  /**
   * Services that wait for another to be merely started: each dependency needs a healthcheck (in
   * the compose file or its image's Dockerfile) and {@code condition: service_healthy}, or a
   * one-shot job {@code service_completed_successfully}.
   */
  public static List<String> unhealthyDependencies(Path composePath) {
    ComposeFile compose = ComposeFile.read(composePath);
    List<String> problems = new ArrayList<>();
    for (String service : compose.services()) {
      JsonNode dependsOn = compose.service(service).path("depends_on");
      Map<String, String> conditions = new LinkedHashMap<>();
      if (dependsOn.isArray()) {
        dependsOn.forEach(dependency -> conditions.put(dependency.asString(), "service_started"));
      } else {
        dependsOn
            .properties()
            .forEach(
                entry ->
                    conditions.put(
                        entry.getKey(),
                        entry.getValue().path("condition").asString("service_started")));
      }
      conditions.forEach(
          (dependency, condition) -> {
            if (!compose.services().contains(dependency)) {
              problems.add(service + " depends on " + dependency + ", which is no service");
            } else if (condition.equals("service_completed_successfully")) {
              // a job that runs to its end: its exit code is its health
            } else if (!hasHealthcheck(compose, dependency)) {
              problems.add(service + " depends on " + dependency + ", which has no healthcheck");
            } else if (!condition.equals("service_healthy")) {
              problems.add(
                  service
                      + " depends on "
                      + dependency
                      + " with condition: "
                      + condition
                      + ", not service_healthy");
            }
          });
    }
    return problems;
  }

  private static boolean hasHealthcheck(ComposeFile compose, String service) {
    JsonNode healthcheck = compose.service(service).path("healthcheck");
    if (!healthcheck.isMissingNode()) {
      return !healthcheck.path("disable").asBoolean(false)
          && !healthcheck.path("test").path(0).asString("").equals("NONE");
    }
    return compose
        .dockerfile(service)
        .map(ComposeChecks::read)
        .map(
            text ->
                Pattern.compile("^HEALTHCHECK\\s+(?!NONE)", Pattern.MULTILINE).matcher(text).find())
        .orElse(false);
  }

  /**
   * Ports that lead nowhere: a published or exposed container port, a healthcheck's URL on the
   * service itself, or a URL naming another service ({@code http://alerts-service:8080} in an
   * environment or an nginx config) whose port the service does not listen on.
   *
   * <p>What a service listens on is read from its files: {@code server.port} in the {@code
   * application.yml} of a Spring Boot module built here (under the environment compose gives it),
   * nginx's {@code listen} lines (compose configs, or files its Dockerfile copies into {@code
   * /etc/nginx}). {@code known} adds what the files cannot tell: a port set in code, a third-party
   * image's documented port.
   */
  public static List<String> portMismatches(
      Path composePath, Path envFile, Map<String, Set<Integer>> known) {
    ComposeFile compose = ComposeFile.read(composePath);
    Map<String, String> values = EnvFile.read(envFile).values();
    Map<String, Set<Integer>> listening = new HashMap<>();
    for (String service : compose.services()) {
      Set<Integer> ports = new TreeSet<>(known.getOrDefault(service, Set.of()));
      ports.addAll(springPorts(compose, service, values));
      nginxConfigs(compose, service, values).forEach(config -> ports.addAll(listenPorts(config)));
      listening.put(service, ports);
    }
    List<String> problems = new ArrayList<>();
    for (String service : compose.services()) {
      JsonNode node = compose.service(service);
      for (JsonNode port : node.path("ports")) {
        int target =
            port.isObject()
                ? port.path("target").asInt()
                : containerPort(Interpolation.resolveLeniently(ComposeFile.scalar(port), values));
        checkListens(problems, listening, service, target, service + " publishes container port");
      }
      for (JsonNode port : node.path("expose")) {
        int target = containerPort(ComposeFile.scalar(port));
        checkListens(problems, listening, service, target, service + " exposes port");
      }
      for (String url : healthcheckUrls(node)) {
        Matcher self = URL_PORT.matcher(url);
        while (self.find()) {
          if (Set.of("localhost", "127.0.0.1").contains(self.group(1))) {
            checkListens(
                problems,
                listening,
                service,
                Integer.parseInt(self.group(2)),
                service + "'s healthcheck calls port");
          }
        }
      }
      List<String> texts = new ArrayList<>(compose.environmentLeniently(service, values).values());
      texts.addAll(nginxConfigs(compose, service, values));
      for (String text : texts) {
        Map<String, String> nginxVariables = new HashMap<>();
        Matcher set = NGINX_SET.matcher(text);
        while (set.find()) {
          nginxVariables.put("$" + set.group(1), set.group(2));
        }
        Matcher url = URL_PORT.matcher(text);
        while (url.find()) {
          String host = nginxVariables.getOrDefault(url.group(1), url.group(1));
          if (compose.services().contains(host)) {
            checkListens(
                problems,
                listening,
                host,
                Integer.parseInt(url.group(2)),
                service + " reaches " + host + " on port");
          }
        }
      }
    }
    return problems;
  }

  private static void checkListens(
      List<String> problems,
      Map<String, Set<Integer>> listening,
      String service,
      int port,
      String what) {
    Set<Integer> ports = listening.get(service);
    if (ports.isEmpty()) {
      problems.add(what + " " + port + ", but what " + service + " listens on is unknown");
    } else if (!ports.contains(port)) {
      problems.add(what + " " + port + ", but " + service + " listens on " + ports);
    }
  }

  private static int containerPort(String mapping) {
    String withoutProtocol = mapping.replaceFirst("/\\w+$", "");
    String target = withoutProtocol.substring(withoutProtocol.lastIndexOf(':') + 1);
    return Integer.parseInt(target.replaceFirst("-.*", ""));
  }

  private static List<String> healthcheckUrls(JsonNode service) {
    JsonNode test = service.path("healthcheck").path("test");
    List<String> parts = new ArrayList<>();
    if (test.isArray()) {
      test.forEach(part -> parts.add(part.asString()));
    } else if (test.isString()) {
      parts.add(test.asString());
    }
    return parts;
  }

  /** server.port of a Spring Boot module's application.yml, under the service's environment. */
  private static Set<Integer> springPorts(
      ComposeFile compose, String service, Map<String, String> values) {
    Optional<Path> yml =
        compose
            .dockerfile(service)
            .map(dockerfile -> dockerfile.getParent().resolve("src/main/resources/application.yml"))
            .filter(Files::exists);
    if (yml.isEmpty()) {
      return Set.of();
    }
    Map<String, String> environment = compose.environmentLeniently(service, values);
    if (environment.containsKey("SERVER_PORT")) {
      return Set.of(Integer.parseInt(environment.get("SERVER_PORT")));
    }
    JsonNode port = Yaml.read(yml.get()).path("server").path("port");
    String text = port.isMissingNode() ? "8080" : ComposeFile.scalar(port);
    Matcher placeholder = SPRING_PLACEHOLDER.matcher(text);
    StringBuilder resolved = new StringBuilder();
    while (placeholder.find()) {
      String value = environment.get(placeholder.group(1));
      placeholder.appendReplacement(
          resolved,
          Matcher.quoteReplacement(
              value != null
                  ? value
                  : placeholder.group(2) != null ? placeholder.group(2) : placeholder.group()));
    }
    placeholder.appendTail(resolved);
    return Set.of(Integer.parseInt(resolved.toString().strip()));
  }

  /** nginx configuration a service runs with: compose configs, or files its Dockerfile copies. */
  private static List<String> nginxConfigs(
      ComposeFile compose, String service, Map<String, String> values) {
    List<String> configs = new ArrayList<>();
    for (JsonNode config : compose.service(service).path("configs")) {
      String source = config.isString() ? config.asString() : config.path("source").asString();
      String target = config.path("target").asString("/" + source);
      if (target.startsWith("/etc/nginx/")) {
        JsonNode definition = compose.document().path("configs").path(source);
        if (definition.has("content")) {
          configs.add(
              Interpolation.resolveLeniently(definition.path("content").asString(), values));
        } else if (definition.has("file")) {
          configs.add(read(compose.directory().resolve(definition.path("file").asString())));
        }
      }
    }
    Optional<Path> context = compose.buildContext(service);
    compose
        .dockerfile(service)
        .ifPresent(
            dockerfile -> {
              Matcher copy = DOCKERFILE_COPY_NGINX.matcher(read(dockerfile));
              while (copy.find()) {
                Path file = context.get().resolve(copy.group(1));
                if (Files.isRegularFile(file)) {
                  configs.add(read(file));
                }
              }
            });
    return configs;
  }

  private static Set<Integer> listenPorts(String nginxConfig) {
    Set<Integer> ports = new TreeSet<>();
    Matcher listen = NGINX_LISTEN.matcher(nginxConfig);
    while (listen.find()) {
      ports.add(Integer.parseInt(listen.group(1)));
    }
    return ports;
  }

  /**
   * Variables the compose file reads that the env file does not list (set or commented out), and
   * variables the env file lists that the compose file never reads.
   */
  public static List<String> envFileMismatches(Path composePath, Path envFilePath) {
    Set<String> read = ComposeFile.read(composePath).variables();
    Set<String> listed = EnvFile.read(envFilePath).listed();
    String env = envFilePath.getFileName().toString();
    String compose = composePath.getFileName().toString();
    List<String> problems = new ArrayList<>();
    read.stream()
        .filter(name -> !listed.contains(name))
        .forEach(name -> problems.add(env + " lacks " + name + ", which " + compose + " reads"));
    listed.stream()
        .filter(name -> !read.contains(name))
        .forEach(
            name -> problems.add(env + " lists " + name + ", which " + compose + " never reads"));
    return problems;
  }

  /**
   * Images that can change under the same name: no tag, {@code latest}, or a tag without a full
   * version (major.minor.patch; PostgreSQL's versions have two parts), in the compose file and in
   * every Dockerfile it builds from ({@code FROM} and the {@code # syntax=} frontend). Also a Redis
   * 7 older than 7.4.6.
   */
  public static List<String> floatingImages(Path composePath) {
    ComposeFile compose = ComposeFile.read(composePath);
    List<String> problems = new ArrayList<>();
    Set<Path> dockerfiles = new TreeSet<>();
    for (String service : compose.services()) {
      JsonNode node = compose.service(service);
      if (node.has("build")) {
        compose.dockerfile(service).ifPresent(dockerfiles::add);
      } else if (node.has("image")) {
        checkImage(problems, service, node.path("image").asString());
      } else {
        problems.add(service + ": neither image nor build");
      }
    }
    for (Path dockerfile : dockerfiles) {
      String where = compose.directory().relativize(dockerfile).toString();
      String text = read(dockerfile);
      Matcher syntax = DOCKERFILE_SYNTAX.matcher(text);
      if (syntax.find()) {
        checkImage(problems, where + " (syntax)", syntax.group(1));
      }
      Set<String> stages = new TreeSet<>();
      Matcher from = DOCKERFILE_FROM.matcher(text);
      while (from.find()) {
        if (!stages.contains(from.group(1))) {
          checkImage(problems, where, from.group(1));
        }
        if (from.group(2) != null) {
          stages.add(from.group(2));
        }
      }
    }
    return problems;
  }

  static void checkImage(List<String> problems, String where, String image) {
    if (image.contains("@sha256:")) {
      return;
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    String repository = colon > slash ? image.substring(0, colon) : image;
    String tag = colon > slash ? image.substring(colon + 1) : "";
    String name = repository.substring(repository.lastIndexOf('/') + 1);
    if (tag.isEmpty() || tag.equals("latest")) {
      problems.add(where + ": image " + image + " has no version tag");
      return;
    }
    Matcher version = VERSION.matcher(tag);
    int required = name.equals("postgres") ? 2 : 3;
    List<Integer> parts =
        version.find()
            ? Arrays.stream(version.group(1).split("\\.")).map(Integer::valueOf).toList()
            : List.of();
    if (parts.size() < required) {
      problems.add(where + ": image " + image + " has no full version");
    } else if (name.equals("redis") && compare(parts, REDIS_MINIMUM) < 0) {
      problems.add(where + ": image " + image + " is older than Redis 7.4.6 (the 2025 Lua fixes)");
    }
  }

  private static int compare(List<Integer> version, List<Integer> other) {
    for (int i = 0; i < Math.min(version.size(), other.size()); i++) {
      int order = Integer.compare(version.get(i), other.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(version.size(), other.size());
  }

  /** Variables compose gives {@code service} that set none of the properties it knows. */
  public static List<String> unboundVariables(
      Path composePath, String service, PropertyNames properties) {
    return ComposeFile.read(composePath).environment(service).keySet().stream()
        .filter(name -> !properties.binds(name))
        .map(name -> service + ": " + name + " sets no property " + service + " reads")
        .toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
