package dev.ebayalerts.alerts.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes instants as the same ISO-8601 text as before ({@link DateTimeFormatter#ISO_INSTANT}:
 * {@code 2026-12-01T18:17:26.823572Z}), without going through the formatter: a page of alerts
 * carries five instants per alert, and formatting them was a fifth of the time spent writing the
 * page's JSON. Instants outside the years 0000 to 9999 are left to the formatter.
 */
@Configuration(proxyBeanMethods = false)
class InstantJson {

  @Bean
  JsonMapperBuilderCustomizer isoInstantsWrittenDirectly() {
    return builder ->
        builder.addModule(new SimpleModule("iso-instants").addSerializer(new Writer()));
  }

  /** The ISO-8601 text of an instant, as {@link DateTimeFormatter#ISO_INSTANT} writes it. */
  static class Writer extends StdSerializer<Instant> {

    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    Writer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
      long seconds = value.getEpochSecond();
      if (seconds < FIRST || seconds > LAST) {
        gen.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
        return;
      }
      char[] text = new char[30];
      gen.writeString(text, 0, format(value, text));
    }

    /** Writes {@code yyyy-MM-ddTHH:mm:ss[.SSS|.SSSSSS|.SSSSSSSSS]Z}; answers its length. */
    static int format(Instant value, char[] text) {
      long seconds = value.getEpochSecond();
      LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
      int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
      int at = digits(text, 0, date.getYear(), 4);
      text[at++] = '-';
      at = digits(text, at, date.getMonthValue(), 2);
      text[at++] = '-';
      at = digits(text, at, date.getDayOfMonth(), 2);
      text[at++] = 'T';
      at = digits(text, at, secondOfDay / 3600, 2);
      text[at++] = ':';
      at = digits(text, at, secondOfDay / 60 % 60, 2);
      text[at++] = ':';
      at = digits(text, at, secondOfDay % 60, 2);
      int nanos = value.getNano();
      if (nanos > 0) {
        text[at++] = '.';
        if (nanos % 1_000_000 == 0) {
          at = digits(text, at, nanos / 1_000_000, 3);
        } else if (nanos % 1_000 == 0) {
          at = digits(text, at, nanos / 1_000, 6);
        } else {
          at = digits(text, at, nanos, 9);
        }
      }
      text[at++] = 'Z';
      return at;
    }

    private static int digits(char[] text, int at, int value, int width) {
      for (int i = at + width - 1; i >= at; i--) {
        text[i] = (char) ('0' + value % 10);
        value /= 10;
      }
      return at + width;
    }
  }
}
