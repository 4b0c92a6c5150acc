package dev.ebayalerts.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Instants are written exactly as Jackson's own java.time support wrote them. */
class InstantJsonTests {

  private final JsonMapper before = JsonMapper.builder().build();
  private final JsonMapper now = JsonMapper.builder().addModule(module()).build();

  @Test
  void writesEveryInstantAsJacksonsOwnIsoText() {
    List<Instant> instants =
        new ArrayList<>(
            List.of(
                Instant.EPOCH,
                Instant.parse("2026-12-01T18:17:26.823572Z"),
                Instant.parse("2026-12-01T18:17:00Z"),
                Instant.parse("2026-12-01T00:00:00.100Z"),
                Instant.parse("2024-02-29T23:59:59.000000001Z"),
                Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("0999-06-01T12:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.MIN,
                Instant.MAX));
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-70_000_000_000L, 260_000_000_000L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      instants.add(Instant.ofEpochSecond(seconds, nanos));
    }

    for (Instant instant : instants) {
      Map<String, Instant> value = Map.of("at", instant);
      assertThat(now.writeValueAsString(value))
          .as("%s", instant)
          .isEqualTo(before.writeValueAsString(value))
          .isEqualTo("{\"at\":\"" + DateTimeFormatter.ISO_INSTANT.format(instant) + "\"}");
    }
  }

  /** Otherwise the writer would be registered and never asked: Jackson's own would still run. */
  @Test
  void takesOverFromJacksonsOwnInstantSerializer() {
    JsonMapper marked =
        JsonMapper.builder()
            .addModule(
                new SimpleModule("marked")
                    .addSerializer(
                        new InstantJson.Writer() {
                          @Override
                          public void serialize(
                              Instant value, JsonGenerator gen, SerializationContext context) {
                            gen.writeString("written here");
                          }
                        }))
            .build();

    assertThat(marked.writeValueAsString(Instant.EPOCH)).isEqualTo("\"written here\"");
  }

  private static JacksonModule module() {
    return new SimpleModule("iso-instants").addSerializer(new InstantJson.Writer());
  }
}
