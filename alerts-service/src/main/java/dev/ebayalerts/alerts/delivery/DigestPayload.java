package dev.ebayalerts.alerts.delivery;

import java.time.Instant;
import java.util.List;

/**
 * What one digest email tells an address: what waited for its slot, one group per alert, stored as
 * the payload of the digest's delivery.
 *
 * @param email the address
 * @param groups one per alert, in the order their first listing waited; each with its listings
 */
record DigestPayload(String email, List<NoticePayload> groups) {

  DigestPayload {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  int listings() {
    return groups.stream().mapToInt(group -> group.listings().size()).sum();
  }

  /** When the last auction of every group ends, or never (null) if any group has no end. */
  Instant usefulUntil() {
    Instant until = null;
    for (NoticePayload group : groups) {
      Instant end = group.usefulUntil();
      if (end == null) {
        return null;
      }
      until = until == null || end.isAfter(until) ? end : until;
    }
    return until;
  }
}
