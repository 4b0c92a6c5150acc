package dev.ebayalerts.alerts.delivery;

import java.time.Duration;

/**
 * A delivery attempt that failed.
 *
 * @see #reason() in words the channel's owner may see ("HTTP 503", "timed out", "refused: private
 *     address"): never a class name, an internal address or a remote's answer
 */
class DeliveryFailed extends Exception {

  private final String reason;
  private final boolean permanent;
  private final Duration retryAfter;

  private DeliveryFailed(String detail, String reason, boolean permanent, Duration retryAfter) {
    super(detail, null, false, false);
    this.reason = reason;
    this.permanent = permanent;
    this.retryAfter = retryAfter;
  }

  /** Worth retrying soon: a timeout, a 5xx, a refused connection. */
  static DeliveryFailed transientFailure(String detail, String reason) {
    return new DeliveryFailed(detail, reason, false, null);
  }

  /** Not going to work by retrying soon (a refused address, a 404): parked at once. */
  static DeliveryFailed permanent(String detail, String reason) {
    return new DeliveryFailed(detail, reason, true, null);
  }

  /** The channel asked to slow down (HTTP 429 with Retry-After): not a failure of the channel. */
  static DeliveryFailed slowDown(String detail, Duration retryAfter) {
    return new DeliveryFailed(detail, "rate limited by the channel", false, retryAfter);
  }

  String reason() {
    return reason;
  }

  boolean permanent() {
    return permanent;
  }

  /** The wait the channel asked for, or null. */
  Duration retryAfter() {
    return retryAfter;
  }
}
