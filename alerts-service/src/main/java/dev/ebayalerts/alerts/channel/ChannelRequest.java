package dev.ebayalerts.alerts.channel;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One channel of an alert as a client sends it. A channel is known by its type and its url (or chat
 * id): sending it again keeps it (and its webhook secret); leaving it out removes it.
 */
@ValidChannel
@Schema(description = "Where an alert's notices go")
public record ChannelRequest(
    @Schema(
            example = "WEBHOOK",
            description = "EMAIL (the alert's address), WEBHOOK, DISCORD, SLACK or TELEGRAM")
        @NotNull(message = "must be one of EMAIL, WEBHOOK, DISCORD, SLACK, TELEGRAM")
        ChannelType type,
    @Schema(
            example = "https://example.com/hooks/ebay",
            description = "The http(s) URL of a WEBHOOK, DISCORD or SLACK channel")
        @Size(max = 500, message = "must be at most 500 characters")
        String url,
    @Schema(
            example = "-1001234567890",
            description = "The chat id (or @channelname) of a TELEGRAM channel")
        @Size(max = 64, message = "must be at most 64 characters")
        String chatId,
    @Schema(
            example = "true",
            description =
                "false pauses the channel; true (the default) also re-enables a channel disabled"
                    + " after failed deliveries")
        Boolean enabled) {

  public ChannelRequest {
    url = url == null || url.isBlank() ? null : url.strip();
    chatId = chatId == null || chatId.isBlank() ? null : chatId.strip();
    enabled = enabled == null || enabled;
  }

  public static ChannelRequest email() {
    return new ChannelRequest(ChannelType.EMAIL, null, null, true);
  }

  /** What tells two channels of an alert apart. */
  String target() {
    if (type == ChannelType.TELEGRAM) {
      return chatId == null ? "" : chatId;
    }
    return type != null && type.needsUrl() && url != null ? url : "";
  }
}
