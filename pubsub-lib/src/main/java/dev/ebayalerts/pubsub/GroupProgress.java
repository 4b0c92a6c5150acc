package dev.ebayalerts.pubsub;

import org.springframework.data.redis.connection.stream.RecordId;

/**
 * What a consumer group has received and acknowledged, as read at the start of a pass: what {@link
 * StreamTrimmer} trims by and {@link StreamGauges} measures.
 *
 * @param oldestPending the oldest entry delivered but not acknowledged, or null
 * @param reportedLag the lag Redis 7 reports, null on Redis 6.2
 */
record GroupProgress(
    String name, RecordId lastDelivered, long pending, RecordId oldestPending, Long reportedLag) {

  /** Entries below this id were received and acknowledged by the group. */
  RecordId firstNeeded() {
    return oldestPending == null ? lastDelivered : oldestPending;
  }
}
