package dev.ebayalerts.alerts.notifier;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** One channel of an alert as the API shows it. */
@Schema(description = "A channel of an alert")
public record ChannelView(
    UUID id,
    @Schema(example = "WEBHOOK") ChannelType type,
    @Schema(example = "https://example.com/hooks/ebay") String url,
    @Schema(example = "-1001234567890") String chatId,
    @Schema(example = "true", description = "false when paused or disabled after failures")
        boolean enabled,
    @Schema(
            example =
                "Disabled after 10 failed deliveries in a row (last: HTTP 404). Send the channel"
                    + " again to re-enable it.",
            description = "Why the channel was disabled, if it was")
        String disabledReason,
    @Schema(
            example = "q3V0c2VjcmV0LWV4YW1wbGUtb2YtNDMtY2hhcmFjdGVycw",
            description =
                "A WEBHOOK's signing secret: only in the response that created the channel, never"
                    + " again")
        String secret) {}
