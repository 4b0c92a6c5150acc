package dev.ebayalerts.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebayalerts.pubsub.EventCodec.EventUnreadable;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

  static final java.util.List<Event> events = TestEvents.oneOfEach();

  private final EventCodec codec = new EventCodec();
  private final JsonMapper plainMapper = JsonMapper.builder().build();

  @ParameterizedTest
  @FieldSource("events")
  void roundTripsEveryEventTypeExactly(Event event) {
    Event decoded = codec.decode(codec.encode(event));

    // Record equality compares BigDecimal scale and Instant nanos too.
    assertThat(decoded).isEqualTo(event).hasSameClassAs(event);
  }

  @ParameterizedTest
  @FieldSource("events")
  void writesTypeAndVersionIntoTheEnvelope(Event event) {
    JsonNode json = plainMapper.readTree(codec.encode(event));

    assertThat(json.get("type").stringValue()).isEqualTo(event.type());
    assertThat(json.get("version").intValue()).isEqualTo(1);
    assertThat(json.get("eventId").stringValue()).isEqualTo(event.eventId().toString());
    assertThat(json.get("occurredAt").stringValue()).isEqualTo(event.occurredAt().toString());
  }

  @Test
  void writesMoneyAsNumbersKeepingTheirScaleAndInstantsAsIsoStrings() {
    String json = codec.encode(TestEvents.listingsObserved());

    assertThat(json)
        .contains("\"price\":1899.90")
        .contains("\"price\":1E+3")
        .contains("\"observedAt\":\"2025-03-01T10:15:31.000000001Z\"")
        .contains("\"imageUrl\":null");
    String alert = codec.encode(TestEvents.alertCreated());
    assertThat(alert)
        .contains("\"minPrice\":100.00")
        .contains("\"maxPrice\":null")
        .contains("\"createdAt\":\"2025-03-01T10:15:30.123456789Z\"")
        .contains("\"excludeWords\":[\"broken\",\"parts\"]");
  }

  @Test
  void ignoresPropertiesItDoesNotKnow() {
    AlertDeleted event = TestEvents.alertDeleted();
    String json = codec.encode(event);
    String extended =
        "{\"addedLater\":{\"nested\":[1,2]},"
            + json.substring(1).replace("\"alert\":{", "\"alert\":{\"newField\":true,");

    assertThat(codec.decode(extended)).isEqualTo(event);
  }

  @Test
  void readsDecimalsExactlyWhateverTheirForm() {
    ListingsObserved event = TestEvents.listingsObserved();
    String json = codec.encode(event).replace("1899.90", "1.89990E+3");

    ListingsObserved decoded = (ListingsObserved) codec.decode(json);

    assertThat(decoded.listings().get(0).price()).isEqualTo(new BigDecimal("1.89990E+3"));
  }

  @Test
  void rejectsAVersionNewerThanItUnderstands() {
    String json =
        codec.encode(TestEvents.alertCreated()).replace("\"version\":1,", "\"version\":2,");

    assertThatThrownBy(() -> codec.decode(json))
        .isInstanceOf(EventUnreadable.class)
        .hasMessageContaining("unsupported version 2 of AlertCreated");
  }

  @Test
  void rejectsAnUnknownType() {
    String json =
        codec.encode(TestEvents.alertCreated()).replace("\"AlertCreated\"", "\"AlertArchived\"");

    assertThatThrownBy(() -> codec.decode(json))
        .isInstanceOf(EventUnreadable.class)
        .hasMessageContaining("unknown event type 'AlertArchived'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "[]",
        "\"AlertCreated\"",
        "{\"version\":1}",
        "{\"type\":\"AlertCreated\"}",
        "{\"type\":\"AlertCreated\",\"version\":1}",
        "{\"type\":\"AlertCreated\",\"version\":1,\"eventId\":\"not-a-uuid\"}",
        "{\"type\":\"AlertCreated\",\"version\":1} trailing",
        " "
      })
  void rejectsPayloadsThatAreNotAReadableEvent(String payload) {
    assertThatThrownBy(() -> codec.decode(payload)).isInstanceOf(EventUnreadable.class);
  }

  @Test
  void rejectsAMissingPayload() {
    assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(EventUnreadable.class);
  }
}
