package dev.ebayalerts.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebayalerts.pubsub.EventCodec.EventUnreadable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTests {

  static final List<Event> events = TestEvents.oneOfEach();

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
        .contains("\"imageUrl\":null")
        .contains("\"shippingCost\":4.90,\"shippingType\":\"FIXED\"")
        .contains("\"shippingCost\":null,\"shippingType\":\"CALCULATED\"")
        .contains("\"shippingCost\":0.00,\"shippingType\":\"FIXED\"")
        .contains("\"marketplace\":\"EBAY_DE\"");
    String alert = codec.encode(TestEvents.alertCreated());
    assertThat(alert)
        .contains("\"minPrice\":100.00")
        .contains("\"maxPrice\":null")
        .contains("\"createdAt\":\"2025-03-01T10:15:30.123456789Z\"")
        .contains("\"excludeWords\":[\"broken\",\"parts\"]")
        .contains("\"marketplace\":\"EBAY_DE\"");
  }

  /** Written by the producers before alerts had a marketplace and listings their shipping. */
  static final String ALERT_UPDATED_BEFORE_MARKETPLACES =
      """
      {"type":"AlertUpdated","version":1,"eventId":"9b2f6c1e-3d4a-4f5b-8c7d-0e1f2a3b4c5d",\
      "occurredAt":"2025-03-02T08:00:00.123456Z","alert":{"id":"0b7e8a52-6f0e-4f43-9a1d-2c3b4d5e6f70",\
      "email":"buyer@example.com","searchPhrase":"leica m6","frequencyMinutes":15,\
      "minPrice":100.00,"maxPrice":null,"currency":"USD","condition":"USED",\
      "buyingOption":"FIXED_PRICE","excludeWords":["broken"],"active":true,"version":3,\
      "createdAt":"2025-03-01T10:15:30.123456789Z","updatedAt":"2025-03-02T08:00:00Z"}}\
      """;

  static final String LISTINGS_OBSERVED_BEFORE_MARKETPLACES =
      """
      {"type":"ListingsObserved","version":1,"eventId":"6f1c0d2e-1a2b-4c3d-9e8f-7a6b5c4d3e2f",\
      "occurredAt":"2025-03-01T10:15:30.123456Z","alertId":"0b7e8a52-6f0e-4f43-9a1d-2c3b4d5e6f70",\
      "query":"leica m6","listings":[{"itemId":"v1|123|0","title":"Leica M6","price":1899.00,\
      "currency":"USD","itemWebUrl":"https://www.ebay.com/itm/123","imageUrl":null,\
      "condition":"USED","buyingOption":"FIXED_PRICE",\
      "observedAt":"2025-03-01T10:15:31.000000001Z"}]}\
      """;

  @Test
  void readsAnAlertOfAnOlderProducerAsOnEbayUs() {
    AlertUpdated event = (AlertUpdated) codec.decode(ALERT_UPDATED_BEFORE_MARKETPLACES);

    assertThat(event.alert().marketplace()).isEqualTo("EBAY_US");
    // exactly what the constructor of the earlier shape makes
    assertThat(event.alert())
        .isEqualTo(
            new AlertState(
                UUID.fromString("0b7e8a52-6f0e-4f43-9a1d-2c3b4d5e6f70"),
                "buyer@example.com",
                "leica m6",
                15,
                new BigDecimal("100.00"),
                null,
                "USD",
                "USED",
                "FIXED_PRICE",
                List.of("broken"),
                true,
                3L,
                Instant.parse("2025-03-01T10:15:30.123456789Z"),
                Instant.parse("2025-03-02T08:00:00Z")));
  }

  @Test
  void readsListingsOfAnOlderProducerAsOnEbayUsWithShippingUnknown() {
    ListingsObserved event = (ListingsObserved) codec.decode(LISTINGS_OBSERVED_BEFORE_MARKETPLACES);

    assertThat(event.marketplace()).isEqualTo("EBAY_US");
    assertThat(event.listings())
        .singleElement()
        .isEqualTo(
            new ObservedListing(
                "v1|123|0",
                "Leica M6",
                new BigDecimal("1899.00"),
                "USD",
                "https://www.ebay.com/itm/123",
                null,
                "USED",
                "FIXED_PRICE",
                Instant.parse("2025-03-01T10:15:31.000000001Z")))
        .satisfies(
            listing -> {
              assertThat(listing.shippingCost()).isNull();
              assertThat(listing.shippingType()).isNull();
            });
  }

  @Test
  void readsAnExplicitlyMissingMarketplaceAsEbayUs() {
    String json =
        codec
            .encode(TestEvents.listingsObserved())
            .replace("\"marketplace\":\"EBAY_DE\"", "\"marketplace\":null");

    assertThat(((ListingsObserved) codec.decode(json)).marketplace()).isEqualTo("EBAY_US");
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

  @ParameterizedTest
  @FieldSource("events")
  void readsEventsFromTheirUtf8BytesAsFromTheirText(Event event) {
    byte[] json = codec.encode(event).getBytes(StandardCharsets.UTF_8);

    assertThat(codec.decode(json)).isEqualTo(event).hasSameClassAs(event);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-03-01T10:15:31Z",
        "2025-03-01T10:15:31.5Z",
        "2025-03-01T10:15:31.000000001Z",
        "2024-02-29T23:59:59.123456789Z",
        "0001-01-01T00:00:00Z",
        "1969-12-31T23:59:59.9Z",
        "2025-03-01T12:15:31+02:00",
        "2025-03-01T10:15:31.123+0000",
        "+12025-03-01T10:15:31Z",
        "2016-12-31T23:59:60Z",
        "2025-02-29T10:15:31Z",
        "2025-03-01T24:00:00Z",
        "2025-03-01T10:15:31.1234567890Z",
        "2025-03-01T10:15:31.Z",
        "2025-03-01 10:15:31Z",
        "1740824131"
      })
  void readsInstantsAsJacksonDoes(String instant) {
    AlertDeleted event = TestEvents.alertDeleted();
    String json =
        codec.encode(event).replace("\"" + event.occurredAt() + "\"", "\"" + instant + "\"");
    Instant expected;
    try {
      expected = plainMapper.readValue("\"" + instant + "\"", Instant.class);
    } catch (RuntimeException e) {
      assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(EventUnreadable.class);
      assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(EventUnreadable.class);
      return;
    }

    assertThat(codec.decode(json).occurredAt()).isEqualTo(expected);
    assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8)).occurredAt())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-03-01T10:15:31Z",
        "2025-03-01T10:15:31.100Z",
        "2025-03-01T10:15:31.000001Z",
        "2025-03-01T10:15:31.120001Z",
        "2025-03-01T10:15:31.000000001Z",
        "2025-03-01T10:15:31.999999999Z",
        "2024-02-29T23:59:59.5Z",
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999Z",
        "0001-01-01T00:00:00Z",
        "0000-12-31T23:59:59Z",
        "9999-12-31T23:59:59.999999999Z",
        "+10000-01-01T00:00:00Z",
        "-1000000000-01-01T00:00:00Z"
      })
  void writesInstantsAsInstantToStringDoes(String text) {
    Instant instant = Instant.parse(text);
    AlertDeleted event =
        new AlertDeleted(UUID.randomUUID(), instant, TestEvents.alertDeleted().alert());

    assertThat(plainMapper.readTree(codec.encode(event)).get("occurredAt").stringValue())
        .isEqualTo(instant.toString());
    assertThat(codec.decode(codec.encode(event)).occurredAt()).isEqualTo(instant);
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
    assertThatThrownBy(() -> codec.decode(payload.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EventUnreadable.class);
  }

  @Test
  void rejectsAMissingPayload() {
    assertThatThrownBy(() -> codec.decode((String) null)).isInstanceOf(EventUnreadable.class);
    assertThatThrownBy(() -> codec.decode((byte[]) null)).isInstanceOf(EventUnreadable.class);
  }
}
