package dev.ebayalerts.pubsub;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts events to and from their wire form: the event record's JSON with {@code type} and {@code
 * version} added at the top level, e.g. {@code {"type":"AlertDeleted","version":1,
 * "eventId":"…","occurredAt":"2025-01-01T10:00:00.123456Z","alert":{…}}}.
 *
 * <p>Uses its own mapper rather than the application's so the wire format cannot drift with an
 * application's Jackson settings: instants are ISO-8601 strings with full precision, decimals are
 * JSON numbers written as {@link java.math.BigDecimal#toString()} so value and scale survive
 * ({@code 19.90} stays {@code 19.90}, never {@code 19.9}), nulls are written, and unknown
 * properties are ignored when reading so publishers can add fields first.
 */
final class EventCodec {

  private static final Map<String, Contract> CONTRACTS =
      Map.of(
          AlertCreated.TYPE, new Contract(AlertCreated.class, AlertCreated.VERSION),
          AlertUpdated.TYPE, new Contract(AlertUpdated.class, AlertUpdated.VERSION),
          AlertDeleted.TYPE, new Contract(AlertDeleted.class, AlertDeleted.VERSION),
          ListingsObserved.TYPE, new Contract(ListingsObserved.class, ListingsObserved.VERSION));

  private final JsonMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  String encode(Event event) {
    ObjectNode envelope = mapper.createObjectNode();
    envelope.put("type", event.type());
    envelope.put("version", event.version());
    envelope.setAll((ObjectNode) mapper.valueToTree(event));
    return mapper.writeValueAsString(envelope);
  }

  /**
   * Reads an event of any known type.
   *
   * @throws EventUnreadable if the text is not JSON, names an unknown type, has a newer version
   *     than this code understands, or lacks required properties
   */
  Event decode(String json) {
    if (json == null || json.isBlank()) {
      throw new EventUnreadable("message has no event payload");
    }
    try {
      JsonNode envelope = mapper.readTree(json);
      if (!envelope.isObject()) {
        throw new EventUnreadable("event payload is not a JSON object");
      }
      JsonNode typeNode = envelope.get("type");
      JsonNode versionNode = envelope.get("version");
      if (typeNode == null || !typeNode.isString()) {
        throw new EventUnreadable("event payload has no 'type'");
      }
      if (versionNode == null || !versionNode.canConvertToInt()) {
        throw new EventUnreadable("event payload has no integer 'version'");
      }
      Contract contract = CONTRACTS.get(typeNode.stringValue());
      if (contract == null) {
        throw new EventUnreadable("unknown event type '" + typeNode.stringValue() + "'");
      }
      int version = versionNode.intValue();
      if (version < 1 || version > contract.version()) {
        throw new EventUnreadable(
            "unsupported version %d of %s (this consumer understands up to %d)"
                .formatted(version, typeNode.stringValue(), contract.version()));
      }
      // Older versions are read as the current record; added components simply stay null.
      return mapper.treeToValue(envelope, contract.type());
    } catch (JacksonException e) {
      throw new EventUnreadable("malformed event payload: " + e.getOriginalMessage(), e);
    }
  }

  private record Contract(Class<? extends Event> type, int version) {}

  /** The payload cannot be turned into an event; retrying will not help. */
  static final class EventUnreadable extends RuntimeException {

    EventUnreadable(String message) {
      super(message);
    }

    EventUnreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
