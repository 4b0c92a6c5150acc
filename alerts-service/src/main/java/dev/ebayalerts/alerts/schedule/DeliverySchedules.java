package dev.ebayalerts.alerts.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each address's delivery schedule; an address without one gets {@link DeliverySchedule#DEFAULT}.
 */
@Repository
public class DeliverySchedules {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  DeliverySchedules(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public DeliverySchedule of(String email) {
    return jdbc.sql(
            "select mode, daily_at, time_zone, always_instant from delivery_schedule"
                + " where email = ?")
        .param(email)
        .query((rs, n) -> schedule(rs))
        .optional()
        .orElse(DeliverySchedule.DEFAULT);
  }

  /**
   * The schedules of many addresses in one query; an address without one has no entry (its schedule
   * is {@link DeliverySchedule#DEFAULT}).
   */
  public Map<String, DeliverySchedule> of(Collection<String> emails) {
    Map<String, DeliverySchedule> schedules = new HashMap<>();
    if (emails.isEmpty()) {
      return schedules;
    }
    jdbc.sql(
            "select email, mode, daily_at, time_zone, always_instant from delivery_schedule"
                + " where email = any(?)")
        .param(emails.stream().distinct().toArray(String[]::new))
        .query(
            rs -> {
              schedules.put(rs.getString("email"), schedule(rs));
            });
    return schedules;
  }

  private static DeliverySchedule schedule(ResultSet rs) throws SQLException {
    return new DeliverySchedule(
        DeliverySchedule.Mode.valueOf(rs.getString("mode")),
        rs.getObject("daily_at", LocalTime.class),
        ZoneId.of(rs.getString("time_zone")),
        urgent(rs.getString("always_instant")));
  }

  /**
   * Stores the address's schedule and tells {@link DeliveryScheduleChanged}, in one transaction.
   */
  @Transactional
  void save(String email, DeliverySchedule schedule, Instant now) {
    jdbc.sql(
            """
            insert into delivery_schedule (email, mode, daily_at, time_zone, always_instant,
                                           updated_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (email) do update
            set mode = excluded.mode, daily_at = excluded.daily_at,
                time_zone = excluded.time_zone, always_instant = excluded.always_instant,
                updated_at = excluded.updated_at""")
        .params(
            email,
            schedule.mode().name(),
            schedule.dailyAt(),
            schedule.zone().getId(),
            schedule.alwaysInstant().stream()
                .sorted()
                .map(Enum::name)
                .collect(Collectors.joining(",")),
            Timestamp.from(now))
        .update();
    events.publishEvent(new DeliveryScheduleChanged(UUID.randomUUID(), email, schedule, now));
  }

  private static Set<DeliverySchedule.Urgent> urgent(String names) {
    EnumSet<DeliverySchedule.Urgent> urgent = EnumSet.noneOf(DeliverySchedule.Urgent.class);
    Arrays.stream(names.split(","))
        .filter(name -> !name.isBlank())
        .forEach(name -> urgent.add(DeliverySchedule.Urgent.valueOf(name.strip())));
    return urgent;
  }
}
