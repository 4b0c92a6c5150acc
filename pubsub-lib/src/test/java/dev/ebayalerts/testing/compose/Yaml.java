package dev.ebayalerts.testing.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/**
 * Reads YAML the way Compose does. Jackson's YAML tree keeps an alias ({@code *defaults}) as the
 * anchor's name and a merge key ({@code <<: *defaults}) as an ordinary field, so this walks the
 * parser's tokens itself: aliases become copies of what their anchor names, and merge keys add the
 * merged mappings' entries that the mapping does not set itself (earlier merged mappings first).
 */
final class Yaml {

  private static final String MERGE_KEY = "<<";
  // `volumes: {data:}`: an empty plain value is null in YAML; "" stays an empty string.
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder().enable(YAMLReadFeature.EMPTY_STRING_AS_NULL).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, JsonNode> anchors = new HashMap<>();

  private Yaml() {}

  static JsonNode read(Path file) {
    try {
      return read(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String yaml) {
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(yaml)) {
      if (parser.nextToken() == null) {
        return NODES.missingNode();
      }
      return new Yaml().node(parser);
    }
  }

  private JsonNode node(YAMLParser parser) {
    if (parser.isCurrentAlias()) {
      JsonNode anchored = anchors.get(parser.getString());
      if (anchored == null) {
        throw new IllegalArgumentException("Unknown YAML alias *" + parser.getString());
      }
      return anchored.deepCopy();
    }
    String anchor = parser.getObjectId();
    JsonToken token = parser.currentToken();
    JsonNode node =
        switch (token) {
          case START_OBJECT -> mapping(parser);
          case START_ARRAY -> sequence(parser);
          case VALUE_STRING -> NODES.stringNode(parser.getString());
          case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
          case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
          case VALUE_TRUE -> NODES.booleanNode(true);
          case VALUE_FALSE -> NODES.booleanNode(false);
          case VALUE_NULL -> NODES.nullNode();
          default -> throw new IllegalStateException("Unexpected YAML token " + token);
        };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private ObjectNode mapping(YAMLParser parser) {
    ObjectNode mapping = NODES.objectNode();
    List<JsonNode> merged = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_OBJECT) {
      String key = parser.currentName();
      parser.nextToken();
      JsonNode value = node(parser);
      if (MERGE_KEY.equals(key)) {
        if (value.isArray()) {
          value.forEach(merged::add);
        } else {
          merged.add(value);
        }
      } else {
        mapping.set(key, value);
      }
    }
    for (JsonNode source : merged) {
      source
          .properties()
          .forEach(
              entry -> {
                if (!mapping.has(entry.getKey())) {
                  mapping.set(entry.getKey(), entry.getValue().deepCopy());
                }
              });
    }
    return mapping;
  }

  private ArrayNode sequence(YAMLParser parser) {
    ArrayNode sequence = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      sequence.add(node(parser));
    }
    return sequence;
  }
}
