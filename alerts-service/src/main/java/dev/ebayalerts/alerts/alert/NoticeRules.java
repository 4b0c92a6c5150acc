package dev.ebayalerts.alerts.alert;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When an alert tells its owner something, and when it holds back. {@code null} components take
 * their defaults, so a client may send only the rules it cares about.
 */
@ValidNoticeRules
@Schema(description = "What an alert notifies about, and when it stays quiet")
public record NoticeRules(
    @Schema(
            example = "true",
            description = "Notify about listings never told before; true by default")
        Boolean newListings,
    @Schema(
            example = "true",
            description =
                "Notify when a listing already told fell by at least minDropPercent; true by"
                    + " default")
        Boolean priceDrops,
    @Schema(
            example = "250.00",
            description =
                "Notify once when a listing is at or below this price; again only after it rose"
                    + " above it. Optional")
        @DecimalMin(value = "0", message = "must be zero or more")
        @Digits(integer = 9, fraction = 2, message = "must be an amount with at most 2 decimals")
        BigDecimal targetPrice,
    @Schema(
            example = "30",
            description =
                "Notify once per auction that ends within this many minutes while its current bid"
                    + " is at or below maxPrice. Optional")
        @Min(value = 1, message = "must be between 1 and 10080 (minutes)")
        @Max(value = 10080, message = "must be between 1 and 10080 (minutes)")
        Integer endingSoonMinutes,
    @Schema(
            example = "22:00",
            type = "string",
            description = "Start of the quiet hours (local time in timeZone); with quietEnd")
        LocalTime quietStart,
    @Schema(
            example = "07:00",
            type = "string",
            description =
                "End of the quiet hours; notices found meanwhile go out in the first delivery after")
        LocalTime quietEnd,
    @Schema(
            example = "Europe/Berlin",
            description = "IANA time zone of the quiet hours and of the daily cap; UTC by default")
        @Size(max = 64, message = "must be at most 64 characters")
        String timeZone,
    @Schema(
            example = "10",
            description =
                "At most this many deliveries a day (in timeZone); what is found beyond is held and"
                    + " folded into the next delivery. Optional")
        @Min(value = 1, message = "must be between 1 and 1000")
        @Max(value = 1000, message = "must be between 1 and 1000")
        Integer maxPerDay) {

  public static final String DEFAULT_ZONE = "UTC";

  public NoticeRules {
    newListings = newListings == null || newListings;
    priceDrops = priceDrops == null || priceDrops;
    targetPrice =
        targetPrice == null || targetPrice.scale() > 2 ? targetPrice : targetPrice.setScale(2);
    timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : timeZone.strip();
  }

  public static NoticeRules defaults() {
    return new NoticeRules(null, null, null, null, null, null, null, null);
  }

  /** The rules' zone; validation makes sure it is one. */
  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /**
   * Whether {@code at} is within the quiet hours. The window may span midnight (22:00 to 07:00);
   * the start is inside it, the end is not.
   */
  public boolean quietAt(ZonedDateTime at) {
    if (quietStart == null || quietEnd == null || quietStart.equals(quietEnd)) {
      return false;
    }
    LocalTime time = at.withZoneSameInstant(zone()).toLocalTime();
    return quietStart.isBefore(quietEnd)
        ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
        : !time.isBefore(quietStart) || time.isBefore(quietEnd);
  }
}
