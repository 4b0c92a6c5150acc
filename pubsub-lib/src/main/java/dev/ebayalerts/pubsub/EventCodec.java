package dev.ebayalerts.pubsub;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonParser.NumberType;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

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

  /**
   * The record's JSON object with {@code type} and {@code version} written first (which lets {@link
   * #decode} find them without reading the rest). Written as text around the record's own
   * serialization: building a tree first cost about as much again.
   */
  String encode(Event event) {
    String record = mapper.writeValueAsString(event);
    StringBuilder json =
        new StringBuilder(record.length() + 64)
            .append("{\"type\":")
            .append(mapper.writeValueAsString(event.type()))
            .append(",\"version\":")
            .append(event.version());
    // record is "{...}": its properties follow the header, or just the closing brace
    return (record.length() > 2
            ? json.append(',').append(record, 1, record.length())
            : json.append('}'))
        .toString();
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
      Header header = header(json);
      if (header.type() == null) {
        throw new EventUnreadable("event payload has no 'type'");
      }
      if (header.version() == null) {
        throw new EventUnreadable("event payload has no integer 'version'");
      }
      Contract contract = CONTRACTS.get(header.type());
      if (contract == null) {
        throw new EventUnreadable("unknown event type '" + header.type() + "'");
      }
      int version = header.version();
      if (version < 1 || version > contract.version()) {
        throw new EventUnreadable(
            "unsupported version %d of %s (this consumer understands up to %d)"
                .formatted(version, header.type(), contract.version()));
      }
      // Older versions are read as the current record; added components simply stay null. One
      // pass straight into the record (type and version are ignored as unknown properties):
      // reading a tree first and converting it cost about twice as much.
      return mapper.readValue(json, contract.type());
    } catch (JacksonException e) {
      throw new EventUnreadable("malformed event payload: " + e.getOriginalMessage(), e);
    }
  }

  /** The envelope's type and version, or null where missing or mistyped. */
  private record Header(String type, Integer version) {}

  /**
   * Reads {@code type} and {@code version} with a streaming parser, skipping other values; {@link
   * #encode} writes them first, so usually only the first tokens are read.
   */
  private Header header(String json) {
    try (JsonParser parser = mapper.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new EventUnreadable("event payload is not a JSON object");
      }
      String type = null;
      Integer version = null;
      boolean typeSeen = false;
      boolean versionSeen = false;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME && !(typeSeen && versionSeen)) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("type".equals(name) && !typeSeen) {
          typeSeen = true;
          type = value == JsonToken.VALUE_STRING ? parser.getString() : null;
        } else if ("version".equals(name) && !versionSeen) {
          versionSeen = true;
          version =
              value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == NumberType.INT
                  ? parser.getIntValue()
                  : null;
        } else {
          parser.skipChildren();
        }
      }
      return new Header(type, version);
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
