package dev.ebayalerts.alerts.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.schedule.DeliverySchedule.Mode;
import dev.ebayalerts.alerts.schedule.DeliverySchedule.Urgent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The slots of a delivery schedule, in its time zone, across daylight saving changes. */
class DeliveryScheduleSlotTests {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static DeliverySchedule daily(String at, ZoneId zone) {
    return new DeliverySchedule(Mode.DAILY, LocalTime.parse(at), zone, Set.of());
  }

  static DeliverySchedule hourly(ZoneId zone) {
    return new DeliverySchedule(Mode.HOURLY, null, zone, Set.of());
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @ParameterizedTest(name = "daily {1} {0}: after {2} comes {3}")
  @CsvSource({
    // 08:00 in Berlin is 06:00 UTC in summer (CEST, +2) and 07:00 UTC in winter (CET, +1)
    "Europe/Berlin, 08:00, 2026-07-01T05:00:00Z, 2026-07-01T06:00:00Z",
    "Europe/Berlin, 08:00, 2026-07-01T06:00:00Z, 2026-07-02T06:00:00Z",
    "Europe/Berlin, 08:00, 2026-01-15T06:59:59Z, 2026-01-15T07:00:00Z",
    // across the spring-forward night (2026-03-29, 02:00 CET -> 03:00 CEST)
    "Europe/Berlin, 08:00, 2026-03-28T07:30:00Z, 2026-03-29T06:00:00Z",
    // 02:30 does not exist on 2026-03-29: the first instant after the gap, 03:00 CEST
    "Europe/Berlin, 02:30, 2026-03-28T02:00:00Z, 2026-03-29T01:00:00Z",
    "Europe/Berlin, 02:30, 2026-03-29T01:00:00Z, 2026-03-30T00:30:00Z",
    // across the fall-back night (2026-10-25, 03:00 CEST -> 02:00 CET): 08:00 moves to 07:00 UTC
    "Europe/Berlin, 08:00, 2026-10-24T06:00:00Z, 2026-10-25T07:00:00Z",
    // 02:30 happens twice on 2026-10-25: sent once, at the first (CEST)
    "Europe/Berlin, 02:30, 2026-10-24T12:00:00Z, 2026-10-25T00:30:00Z",
    "Europe/Berlin, 02:30, 2026-10-25T00:30:00Z, 2026-10-26T01:30:00Z",
    "Europe/Berlin, 02:30, 2026-10-25T01:00:00Z, 2026-10-26T01:30:00Z",
    // New York: 08:00 is 12:00 UTC in summer (EDT) and 13:00 UTC in winter (EST)
    "America/New_York, 08:00, 2026-07-01T11:00:00Z, 2026-07-01T12:00:00Z",
    "America/New_York, 08:00, 2026-12-01T12:00:00Z, 2026-12-01T13:00:00Z",
    // spring forward 2026-03-08, 02:00 EST -> 03:00 EDT
    "America/New_York, 08:00, 2026-03-07T14:00:00Z, 2026-03-08T12:00:00Z",
    "America/New_York, 02:30, 2026-03-07T12:00:00Z, 2026-03-08T07:00:00Z",
    "America/New_York, 02:30, 2026-03-08T07:00:00Z, 2026-03-09T06:30:00Z",
    // fall back 2026-11-01, 02:00 EDT -> 01:00 EST: 01:30 happens twice, sent once
    "America/New_York, 01:30, 2026-10-31T12:00:00Z, 2026-11-01T05:30:00Z",
    "America/New_York, 01:30, 2026-11-01T05:30:00Z, 2026-11-02T06:30:00Z",
    "America/New_York, 01:30, 2026-11-01T06:00:00Z, 2026-11-02T06:30:00Z",
    "America/New_York, 08:00, 2026-10-31T13:00:00Z, 2026-11-01T13:00:00Z",
    // midnight, and a local day that is not the UTC day
    "America/New_York, 00:00, 2026-03-08T04:59:59Z, 2026-03-08T05:00:00Z",
    "Europe/Berlin, 23:30, 2026-03-28T23:00:00Z, 2026-03-29T21:30:00Z"
  })
  void dailySlotIsTheNextLocalTimeInTheZone(
      String zone, String dailyAt, String after, String expected) {
    assertThat(daily(dailyAt, ZoneId.of(zone)).nextSlot(at(after))).isEqualTo(at(expected));
  }

  @ParameterizedTest(name = "hourly {0}: after {1} comes {2}")
  @CsvSource({
    "Europe/Berlin, 2026-07-01T10:15:00Z, 2026-07-01T11:00:00Z",
    "Europe/Berlin, 2026-07-01T11:00:00Z, 2026-07-01T12:00:00Z",
    // spring forward: 01:30 CET, then 03:00 CEST (02:00 does not exist)
    "Europe/Berlin, 2026-03-29T00:30:00Z, 2026-03-29T01:00:00Z",
    "Europe/Berlin, 2026-03-29T01:00:00Z, 2026-03-29T02:00:00Z",
    // fall back: 02:30 CEST, then 02:00 CET: both 02:00s are slots
    "Europe/Berlin, 2026-10-25T00:30:00Z, 2026-10-25T01:00:00Z",
    "Europe/Berlin, 2026-10-25T01:30:00Z, 2026-10-25T02:00:00Z",
    "America/New_York, 2026-03-08T06:59:00Z, 2026-03-08T07:00:00Z",
    "America/New_York, 2026-11-01T05:30:00Z, 2026-11-01T06:00:00Z",
    "America/New_York, 2026-11-01T06:30:00Z, 2026-11-01T07:00:00Z",
    // the top of the local hour where the offset is not whole hours
    "Asia/Kolkata, 2026-07-01T10:10:00Z, 2026-07-01T10:30:00Z"
  })
  void hourlySlotIsTheNextTopOfTheLocalHour(String zone, String after, String expected) {
    assertThat(hourly(ZoneId.of(zone)).nextSlot(at(after))).isEqualTo(at(expected));
  }

  @Test
  void instantIsDueAtOnce() {
    Instant now = at("2026-03-29T01:30:00Z");
    assertThat(DeliverySchedule.DEFAULT.nextSlot(now)).isEqualTo(now);
  }

  /**
   * Every daily time (each quarter hour) and every start (each 10 minutes) over the days around
   * each change of both zones: the slots follow each other one per local day, each at its local
   * time or, when that time does not exist, at the end of the gap, and none comes early.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Europe/Berlin", "America/New_York"})
  void dailySlotsAreOnePerLocalDayAcrossEveryChange(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    List<LocalDate> changes =
        zone == BERLIN
            ? List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25))
            : List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1));
    for (LocalDate change : changes) {
      for (int quarter = 0; quarter < 96; quarter++) {
        LocalTime time = LocalTime.MIDNIGHT.plusMinutes(15L * quarter);
        DeliverySchedule schedule = new DeliverySchedule(Mode.DAILY, time, zone, Set.of());
        Instant from = change.minusDays(2).atStartOfDay(zone).toInstant();
        Instant until = change.plusDays(2).atStartOfDay(zone).toInstant();
        for (Instant after = from; after.isBefore(until); after = after.plusSeconds(600)) {
          Instant slot = schedule.nextSlot(after);
          assertThat(slot).isAfter(after);
          ZonedDateTime local = slot.atZone(zone);
          boolean exists =
              !zone.getRules().getValidOffsets(local.toLocalDate().atTime(time)).isEmpty();
          if (exists) {
            assertThat(local.toLocalTime()).isEqualTo(time);
          } else {
            assertThat(local.toLocalTime()).isAfter(time).isEqualTo(LocalTime.of(3, 0));
          }
          // nothing is skipped: no slot of the schedule lies between after and slot
          assertThat(Duration.between(after, slot)).isLessThanOrEqualTo(Duration.ofHours(25));
          Instant previous = schedule.nextSlot(after.minusSeconds(1));
          assertThat(previous).isIn(slot, after);
        }
        Instant slot = schedule.nextSlot(from);
        for (int day = 0; day < 3; day++) {
          Instant next = schedule.nextSlot(slot);
          assertThat(next.atZone(zone).toLocalDate())
              .isEqualTo(slot.atZone(zone).toLocalDate().plusDays(1));
          slot = next;
        }
      }
    }
  }

  @Test
  void hourlySlotsAreAnHourApartAtTheTopOfTheLocalHourAcrossEveryChange() {
    for (ZoneId zone : List.of(BERLIN, NEW_YORK)) {
      Instant slot = hourly(zone).nextSlot(at("2026-03-01T00:00:00Z"));
      while (slot.isBefore(at("2026-11-30T00:00:00Z"))) {
        Instant next = hourly(zone).nextSlot(slot);
        assertThat(Duration.between(slot, next)).isEqualTo(Duration.ofHours(1));
        assertThat(next.atZone(zone).getMinute()).isZero();
        assertThat(hourly(zone).nextSlot(slot.plusSeconds(1799))).isEqualTo(next);
        slot = next;
      }
    }
  }

  @Test
  void onlyUrgentReasonsTheScheduleOptedOutSkipTheWait() {
    DeliverySchedule daily =
        new DeliverySchedule(
            Mode.DAILY, LocalTime.of(8, 0), BERLIN, EnumSet.of(Urgent.TARGET_PRICE));
    assertThat(daily.sendsAtOnce(List.of("TARGET_PRICE"))).isTrue();
    assertThat(daily.sendsAtOnce(List.of("NEW_LISTING", "TARGET_PRICE"))).isTrue();
    assertThat(daily.sendsAtOnce(List.of("ENDING_SOON"))).isFalse();
    assertThat(daily.sendsAtOnce(List.of("NEW_LISTING"))).isFalse();
    assertThat(DeliverySchedule.DEFAULT.sendsAtOnce(List.of("NEW_LISTING"))).isTrue();
  }
}
