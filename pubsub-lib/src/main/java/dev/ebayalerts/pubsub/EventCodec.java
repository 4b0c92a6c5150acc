package dev.ebayalerts.pubsub;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonParser.NumberType;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

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

  private final JsonMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .addModule(
              new SimpleModule("event-instants")
                  .addSerializer(Instant.class, new UtcInstantSerializer())
                  .addDeserializer(Instant.class, new UtcInstantDeserializer()))
          .build();

  /** Per wire type: its record and version, with a reader made once for that record. */
  private final Map<String, Contract> contracts =
      Map.of(
          AlertCreated.TYPE, contract(AlertCreated.class, AlertCreated.VERSION),
          AlertUpdated.TYPE, contract(AlertUpdated.class, AlertUpdated.VERSION),
          AlertDeleted.TYPE, contract(AlertDeleted.class, AlertDeleted.VERSION),
          ListingsObserved.TYPE, contract(ListingsObserved.class, ListingsObserved.VERSION));

  private Contract contract(Class<? extends Event> type, int version) {
    return new Contract(type, version, mapper.readerFor(type));
  }

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
   * Reads an event of any known type from its JSON text: {@link #decode(byte[])} of its UTF-8
   * bytes.
   *
   * @throws EventUnreadable as {@link #decode(byte[])}
   */
  Event decode(String json) {
    return decode(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads an event of any known type from its UTF-8 bytes, as stored in a stream entry or sent on a
   * channel: Jackson's byte parser reads them directly.
   *
   * @throws EventUnreadable if the bytes are not JSON, name an unknown type, have a newer version
   *     than this code understands, or lack required properties
   */
  Event decode(byte[] json) {
    if (json == null || isBlank(json)) {
      throw new EventUnreadable("message has no event payload");
    }
    try {
      Contract contract = contract(header(mapper.createParser(json)));
      return contract.reader().readValue(json);
    } catch (JacksonException e) {
      throw new EventUnreadable("malformed event payload: " + e.getOriginalMessage(), e);
    }
  }

  /** The contract the header names, if this code understands that type and version. */
  private Contract contract(Header header) {
    if (header.type() == null) {
      throw new EventUnreadable("event payload has no 'type'");
    }
    if (header.version() == null) {
      throw new EventUnreadable("event payload has no integer 'version'");
    }
    Contract contract = contracts.get(header.type());
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
    return contract;
  }

  private static boolean isBlank(byte[] json) {
    for (byte b : json) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The envelope's type and version, or null where missing or mistyped. */
  private record Header(String type, Integer version) {}

  /**
   * Reads {@code type} and {@code version} with a streaming parser, skipping other values; {@link
   * #encode} writes them first, so usually only the first tokens are read.
   */
  private static Header header(JsonParser opened) {
    try (JsonParser parser = opened) {
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

  private record Contract(Class<? extends Event> type, int version, ObjectReader reader) {}

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
