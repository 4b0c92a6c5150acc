package dev.ebayalerts.alerts.channel;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** One channel of an alert as the API shows it. */
@Schema(description = "A channel of an alert")
public record ChannelView(
    UUID id,
    @Schema(example = "WEBHOOK") ChannelType type,
    @Schema(example = "https://example.com/hooks/ebay") String url,
    @Schema(example = "-1001234567890") String chatId,
    @Schema(example = "true", description = "false when paused by its owner") boolean enabled,
    @Schema(
            example =
                "Not delivered: HTTP 503 (10 failed attempts in a row). 3 messages wait and are"
                    + " retried every hour until it works.",
            description = "Why the channel's messages are not going out, if they are not")
        String deliveryError,
    @Schema(
            example = "q3V0c2VjcmV0LWV4YW1wbGUtb2YtNDMtY2hhcmFjdGVycw",
            description =
                "A WEBHOOK's signing secret: only in the response that created the channel, never"
                    + " again")
        String secret) {}
