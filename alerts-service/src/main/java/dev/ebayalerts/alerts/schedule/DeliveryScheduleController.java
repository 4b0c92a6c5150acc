package dev.ebayalerts.alerts.schedule;

import dev.ebayalerts.alerts.account.Caller;
import dev.ebayalerts.alerts.web.ApiProblemResponses;
import dev.ebayalerts.alerts.web.ApiSuccessResponses;
import dev.ebayalerts.alerts.web.FieldProblem;
import dev.ebayalerts.alerts.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in address's delivery schedule: when its alert emails go out. */
@RestController
@RequestMapping("/api/delivery-schedule")
@Tag(
    name = "Delivery schedule",
    description =
        "At once, hourly or daily: all of the address's alert emails folded into one, grouped by"
            + " alert. Email only; chat and webhook channels and the feed get every run at once.")
@ApiProblemResponses.BadRequest
@ApiProblemResponses.Unauthorized
class DeliveryScheduleController {

  private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm");

  private final DeliverySchedules schedules;
  private final Clock clock;

  DeliveryScheduleController(DeliverySchedules schedules, Clock clock) {
    this.schedules = schedules;
    this.clock = clock;
  }

  /** The schedule as the API reads and writes it. */
  record ScheduleBody(
      @Schema(description = "When emails go out", example = "DAILY")
          @NotNull(message = "must be one of INSTANT, HOURLY, DAILY")
          DeliverySchedule.Mode mode,
      @Schema(
              description = "Local time of the daily email (HH:mm); required for DAILY, else null",
              example = "08:00",
              nullable = true)
          String dailyAt,
      @Schema(description = "IANA time zone of the slots", example = "Europe/Berlin")
          String timeZone,
      @ArraySchema(
              arraySchema =
                  @Schema(
                      description =
                          "Reasons that never wait for the slot; omitted: both (the default)"),
              schema = @Schema(allowableValues = {"TARGET_PRICE", "ENDING_SOON"}))
          List<String> alwaysInstant) {

    static ScheduleBody of(DeliverySchedule schedule) {
      return new ScheduleBody(
          schedule.mode(),
          schedule.dailyAt() == null ? null : FORMAT.format(schedule.dailyAt()),
          schedule.zone().getId(),
          schedule.alwaysInstant().stream().sorted().map(Enum::name).toList());
    }
  }

  @GetMapping
  @Operation(
      summary = "The address's delivery schedule",
      description = "An address that never chose one gets the default: INSTANT in UTC.")
  @ApiSuccessResponses.Ok
  ScheduleBody get(@Parameter(hidden = true) Caller caller) {
    return ScheduleBody.of(schedules.of(caller.requireEmail()));
  }

  @PutMapping
  @Operation(
      summary = "Choose when the address's alert emails go out",
      description =
          "HOURLY sends at the top of every hour, DAILY at dailyAt in timeZone (across daylight"
              + " saving changes), each as one email grouped by alert. Listings told for a reason"
              + " in alwaysInstant go out at once. Switching to INSTANT sends what waits within"
              + " a minute; dailyAt is ignored unless DAILY.")
  @ApiSuccessResponses.Ok
  ScheduleBody put(@Parameter(hidden = true) Caller caller, @Valid @RequestBody ScheduleBody body) {
    String email = caller.requireEmail();
    DeliverySchedule schedule = parse(body);
    schedules.save(email, schedule, clock.instant());
    return ScheduleBody.of(schedules.of(email));
  }

  private static DeliverySchedule parse(ScheduleBody body) {
    List<FieldProblem> errors = new ArrayList<>();
    LocalTime dailyAt = null;
    if (body.mode() == DeliverySchedule.Mode.DAILY) {
      if (body.dailyAt() == null || !HH_MM.matcher(body.dailyAt()).matches()) {
        errors.add(
            new FieldProblem("dailyAt", "must be a local time such as 08:00 (HH:mm) for DAILY"));
      } else {
        dailyAt = LocalTime.parse(body.dailyAt(), FORMAT);
      }
    }
    ZoneId zone = null;
    if (body.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(body.timeZone())) {
      errors.add(
          new FieldProblem("timeZone", "must be an IANA time zone id such as Europe/Berlin"));
    } else {
      zone = ZoneId.of(body.timeZone());
    }
    Set<DeliverySchedule.Urgent> urgent = EnumSet.allOf(DeliverySchedule.Urgent.class);
    if (body.alwaysInstant() != null) {
      urgent = EnumSet.noneOf(DeliverySchedule.Urgent.class);
      for (String name : body.alwaysInstant()) {
        if (name == null
            || EnumSet.allOf(DeliverySchedule.Urgent.class).stream()
                .noneMatch(u -> u.name().equals(name))) {
          errors.add(new FieldProblem("alwaysInstant", "may hold only TARGET_PRICE, ENDING_SOON"));
          break;
        }
        urgent.add(DeliverySchedule.Urgent.valueOf(name));
      }
    }
    if (!errors.isEmpty()) {
      throw InvalidRequest.of(errors);
    }
    return new DeliverySchedule(body.mode(), dailyAt, zone, urgent);
  }
}
