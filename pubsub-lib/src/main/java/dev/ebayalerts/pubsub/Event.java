package dev.ebayalerts.pubsub;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one service publishes and others consume. Every event is a versioned contract: a record
 * whose JSON form is the wire format, wrapped in an envelope carrying {@link #type()} and {@link
 * #version()}.
 *
 * <p>Compatibility rules for changing a contract:
 *
 * <ul>
 *   <li>Adding a component is backward compatible: readers ignore unknown JSON properties and old
 *       messages leave the new component {@code null} (or zero/false for primitives). Keep the
 *       version. Append it as the last component and keep a constructor with the old components, so
 *       existing callers compile. Where its absence means a value (an alert of an older producer is
 *       on eBay US: {@link AlertState#marketplace()}), the compact constructor fills it in, so no
 *       consumer can read {@code null} differently.
 *   <li>Removing, renaming or changing the meaning of a component is a breaking change: bump the
 *       contract's {@code VERSION}. Consumers dead-letter messages whose version is newer than the
 *       one they were built with, so upgrade consumers before publishers.
 * </ul>
 *
 * <p>Delivery is at-least-once on the default transport, so consumers must be idempotent on {@link
 * #eventId()} and must tolerate events arriving out of order (compare {@link #occurredAt()} or the
 * alert's own {@code version}).
 */
public sealed interface Event permits AlertCreated, AlertUpdated, AlertDeleted, ListingsObserved {

  /** Unique id of this occurrence; the key for de-duplication. */
  UUID eventId();

  /** When the fact happened at the source (not when it was published or delivered). */
  Instant occurredAt();

  /** Name of the contract on the wire, e.g. {@code "AlertCreated"}. Stable across renames. */
  String type();

  /** Schema version of the contract this instance conforms to. */
  int version();
}
