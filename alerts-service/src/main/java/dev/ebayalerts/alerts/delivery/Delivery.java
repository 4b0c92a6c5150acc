package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.channel.ChannelType;
import java.time.Instant;
import java.util.UUID;

/**
 * A delivery due now, locked by the current transaction, with what its channel needs. A digest (one
 * email to an address about several alerts) has no alert and no channel.
 *
 * @param target the channel's URL or Telegram chat id ('' for EMAIL)
 * @param secret a WEBHOOK channel's signing secret
 * @param recipient the alert's address
 * @param attempts attempts before this one
 * @param channelFailures the channel's failed attempts in a row before this one
 * @param expiresAt when it stops being worth sending, or null
 */
record Delivery(
    UUID id,
    UUID alertId,
    UUID channelId,
    ChannelType type,
    String target,
    String secret,
    String recipient,
    String payload,
    int attempts,
    int channelFailures,
    Instant expiresAt,
    boolean alertActive,
    boolean recipientConfirmed) {

  /** Whether it is a digest, whose payload is a {@link DigestPayload}. */
  boolean digest() {
    return channelId == null;
  }
}
