package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.web.FieldProblem;
import dev.ebayalerts.alerts.web.InvalidRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON merge patch (RFC 7396) to an alert's current fields and validates the result with
 * the same rules as a create, so a patch can never store what a POST would refuse.
 */
@Component
class AlertPatcher {

  private final ObjectMapper mapper;
  private final Validator validator;

  AlertPatcher(ObjectMapper mapper, Validator validator) {
    this.mapper = mapper;
    this.validator = validator;
  }

  AlertRequest apply(AlertRequest current, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw InvalidRequest.field("", "must be a JSON object of the fields to change");
    }
    JsonNode merged = merge(mapper.valueToTree(current), patch);
    AlertRequest request = mapper.treeToValue(merged, AlertRequest.class);
    Set<ConstraintViolation<AlertRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw InvalidRequest.of(
          violations.stream()
              .map(v -> new FieldProblem(fieldName(v.getPropertyPath()), v.getMessage()))
              .sorted(Comparator.comparing(FieldProblem::field))
              .toList());
    }
    return request;
  }

  private static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target.isObject() ? (ObjectNode) target.deepCopy() : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        JsonNode existing = result.get(field.getKey());
        result.set(
            field.getKey(),
            merge(
                existing == null ? JsonNodeFactory.instance.objectNode() : existing,
                field.getValue()));
      }
    }
    return result;
  }

  /** Names a violation's field as Spring MVC does for a request body: {@code excludeWords[1]}. */
  static String fieldName(Path path) {
    StringBuilder name = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getIndex() != null) {
        name.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        name.append('[').append(node.getKey()).append(']');
      }
      if (node.getName() != null && !node.getName().startsWith("<")) {
        name.append(name.isEmpty() ? "" : ".").append(node.getName());
      }
    }
    return name.toString();
  }
}
