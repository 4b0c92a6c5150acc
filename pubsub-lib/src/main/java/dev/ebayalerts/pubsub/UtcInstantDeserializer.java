package dev.ebayalerts.pubsub;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the instants {@link EventCodec} writes ({@link Instant#toString()}: {@code
 * 2025-01-01T10:00:00.123456Z}) with a few character checks instead of Jackson's general path (a
 * regular expression and a {@code DateTimeFormatter} per value): a {@link ListingsObserved} of 50
 * listings carries 51 instants. Anything else (offsets, epoch numbers, leap seconds, years beyond
 * four digits) goes to Jackson's own deserializer, so what is accepted and what it means are
 * unchanged.
 */
final class UtcInstantDeserializer extends StdScalarDeserializer<Instant> {

  private static final long SECONDS_PER_DAY = 86_400;

  private final ValueDeserializer<?> general;

  UtcInstantDeserializer() {
    this(InstantDeserializer.INSTANT);
  }

  private UtcInstantDeserializer(ValueDeserializer<?> general) {
    super(Instant.class);
    this.general = general;
  }

  @Override
  public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
    ValueDeserializer<?> contextual = general.createContextual(ctxt, property);
    return contextual == general ? this : new UtcInstantDeserializer(contextual);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext ctxt)
      throws JacksonException {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      Instant instant = parseUtc(parser.getString());
      if (instant != null) {
        return instant;
      }
    }
    return (Instant) general.deserialize(parser, ctxt);
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} with one to nine fraction digits, or {@code null} for
   * any other text, including invalid dates and times (left to the general path to report).
   */
  static Instant parseUtc(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int fraction = length - 21;
      if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      nanos = digits(text, 20, length - 1);
      if (nanos < 0) {
        return null;
      }
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(
        epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
  }

  /** The decimal value of {@code text[from, to)}, or -1 if any of it is not an ASCII digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
