package dev.ebayalerts.alerts.mute;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * Something an address does not want to see again.
 *
 * @param alertId the alert it applies to; null for every alert of the address
 * @param value the item id, the seller's user name or the word
 * @param label how it reads: {@code Seller gadget_hub (all alerts)}
 */
@Schema(description = "A listing, seller or word muted for one alert or all of them")
record Mute(
    UUID id,
    UUID alertId,
    MuteKind kind,
    String value,
    @Schema(example = "Seller gadget_hub (all alerts)") String label,
    Instant createdAt) {}
