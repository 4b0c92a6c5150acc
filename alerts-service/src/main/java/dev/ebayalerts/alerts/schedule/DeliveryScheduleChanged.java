package dev.ebayalerts.alerts.schedule;

import java.time.Instant;
import java.util.UUID;

/**
 * An address chose a new delivery schedule; published inside the transaction that stored it, so
 * what waits for the address's next email can be moved to the new schedule's slot with it.
 */
public record DeliveryScheduleChanged(
    UUID eventId, String email, DeliverySchedule schedule, Instant occurredAt) {}
