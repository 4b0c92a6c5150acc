package dev.ebayalerts.alerts.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * When an address's alert emails go out. Applies to the EMAIL channel only: chat and webhook
 * channels, and the Atom feed, always get every run at once.
 *
 * @param mode at once, at the top of every hour, or once a day
 * @param dailyAt the local time of the daily email; null unless {@link Mode#DAILY}
 * @param zone the time zone of the slots
 * @param alwaysInstant reasons that never wait for a slot: a listing told for one of them goes out
 *     at once, whatever the mode
 */
public record DeliverySchedule(
    Mode mode, LocalTime dailyAt, ZoneId zone, Set<Urgent> alwaysInstant) {

  /** An address that never chose: every email at once, target price and ending soon never wait. */
  public static final DeliverySchedule DEFAULT =
      new DeliverySchedule(Mode.INSTANT, null, ZoneId.of("UTC"), EnumSet.allOf(Urgent.class));

  public DeliverySchedule {
    alwaysInstant =
        alwaysInstant == null || alwaysInstant.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(alwaysInstant));
    dailyAt = mode == Mode.DAILY ? dailyAt : null;
    if (mode == Mode.DAILY && dailyAt == null) {
      throw new IllegalArgumentException("A daily schedule needs its local time");
    }
  }

  /** How often emails go out. */
  public enum Mode {
    INSTANT,
    HOURLY,
    DAILY
  }

  /** Reasons to tell a listing that may skip the wait: they are about time running out. */
  public enum Urgent {
    TARGET_PRICE,
    ENDING_SOON
  }

  /** Whether emails wait for a slot. */
  public boolean batches() {
    return mode != Mode.INSTANT;
  }

  /**
   * Whether a listing told for these reasons (names of the notifier's reasons) goes out at once:
   * always without batching, and otherwise when any of them is urgent and opted out of the wait (a
   * new listing that is also at the target price is still time-critical).
   */
  public boolean sendsAtOnce(Collection<String> reasons) {
    return !batches()
        || reasons.stream()
            .anyMatch(reason -> alwaysInstant.stream().anyMatch(u -> u.name().equals(reason)));
  }

  /**
   * The first slot strictly after {@code after}: {@code after} itself when emails go out at once;
   * the next top of the hour in the zone; or the next {@link #dailyAt} in the zone. A daily time
   * that does not exist that day (skipped by a spring-forward change) is sent at the first instant
   * after the gap; one that exists twice (fall-back) is sent once, at its first occurrence.
   */
  public Instant nextSlot(Instant after) {
    return switch (mode) {
      case INSTANT -> after;
      case HOURLY -> after.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
      case DAILY -> {
        LocalDate day = after.atZone(zone).toLocalDate().minusDays(1);
        Instant slot;
        do {
          slot = dailySlot(day, dailyAt, zone);
          day = day.plusDays(1);
        } while (!slot.isAfter(after));
        yield slot;
      }
    };
  }

  /** {@code time} on {@code day} in {@code zone}, as an instant, across gaps and overlaps. */
  static Instant dailySlot(LocalDate day, LocalTime time, ZoneId zone) {
    LocalDateTime local = day.atTime(time);
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      ZoneOffsetTransition gap = zone.getRules().getTransition(local);
      return gap.getInstant();
    }
    return ZonedDateTime.of(local, zone).withEarlierOffsetAtOverlap().toInstant();
  }
}
