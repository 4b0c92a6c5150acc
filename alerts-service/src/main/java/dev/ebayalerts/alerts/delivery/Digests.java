package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.schedule.DeliverySchedule;
import dev.ebayalerts.alerts.schedule.DeliveryScheduleChanged;
import dev.ebayalerts.alerts.schedule.DeliverySchedules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Digests: what an address's HOURLY or DAILY schedule keeps back waits in {@link DigestItems} and,
 * at the slot, is folded into one email delivery of the outbox, grouped by alert, so retries,
 * parking and metrics stay {@link DeliverySender}'s. Every tick folds each due address in its own
 * transaction; the items are claimed with {@code FOR UPDATE SKIP LOCKED} and deleted with the
 * delivery's insert, so with several instances each item goes into exactly one email.
 */
@Component
class Digests {

  private static final Logger log = LoggerFactory.getLogger(Digests.class);
  private static final int DROP_BATCH = 1000;

  private final DigestItems items;
  private final DeliveryQueue queue;
  private final DeliverySchedules schedules;
  private final DigestSettings settings;
  private final ObjectMapper json;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Counter dropped;

  /**
   * @param scheduleClock a clock of the schedule's own (tests move it across slots); without one,
   *     the service's clock
   */
  Digests(
      DigestItems items,
      DeliveryQueue queue,
      DeliverySchedules schedules,
      DigestSettings settings,
      ObjectMapper json,
      PlatformTransactionManager transactionManager,
      @Qualifier("scheduleClock") ObjectProvider<Clock> scheduleClock,
      Clock clock,
      MeterRegistry meters) {
    this.items = items;
    this.queue = queue;
    this.schedules = schedules;
    this.settings = settings;
    this.json = json;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = scheduleClock.getIfAvailable(() -> clock);
    this.dropped =
        Counter.builder("alerts.digest.items.dropped")
            .description("Listings waiting for a digest dropped: their auctions ended, or too old")
            .register(meters);
  }

  /**
   * Keeps a run's email share for the address's next slot. Runs in the run's transaction.
   *
   * @param told the listings that wait; at least one
   */
  void hold(String email, DeliverySchedule schedule, NoticePayload told, Instant now) {
    items.add(
        email,
        told.alertId(),
        json.writeValueAsString(told),
        told.listings().size(),
        schedule.nextSlot(now),
        told.usefulUntil(),
        now);
  }

  /**
   * A new schedule applies to what already waits, from its next slot: switching to INSTANT sends it
   * at the next tick. Runs in the transaction that stores the schedule.
   */
  @EventListener
  void on(DeliveryScheduleChanged event) {
    items.reschedule(event.email(), event.schedule().nextSlot(clock.instant()));
  }

  @Scheduled(
      initialDelayString = "${alerts.digest.tick:30s}",
      fixedDelayString = "${alerts.digest.tick:30s}")
  void tick() {
    try {
      sendDue(clock.instant());
    } catch (DataAccessException | TransactionException e) {
      log.warn("Could not fold digests, trying again at the next tick: {}", e.getMessage());
    }
  }

  /**
   * Drops what is no longer worth sending, then folds every due address's items into digest
   * deliveries.
   *
   * @return the digests queued
   */
  int sendDue(Instant now) {
    for (int n; (n = items.dropStale(now, now.minus(settings.maxAge()), DROP_BATCH)) > 0; ) {
      dropped.increment(n);
      log.info("Dropped {} digest item(s): their auctions ended or they waited too long", n);
    }
    int queued = 0;
    for (String email : items.dueAddresses(now, settings.addressesPerTick())) {
      Integer digests = transactions.execute(status -> fold(email, now));
      queued += digests == null ? 0 : digests;
    }
    return queued;
  }

  /** Folds the address's due items into one digest of at most {@code maxListings} listings. */
  private int fold(String email, Instant now) {
    List<DigestItems.Item> due = items.claimDue(email, now, settings.maxListings());
    if (due.isEmpty()) {
      return 0; // another instance holds them
    }
    List<DigestItems.Item> taken = new ArrayList<>();
    int listings = 0;
    for (DigestItems.Item item : due) {
      if (!taken.isEmpty() && listings + item.listings() > settings.maxListings()) {
        break; // the rest goes in the next digest, at the next tick
      }
      taken.add(item);
      listings += item.listings();
    }
    Map<UUID, List<NoticePayload>> byAlert = new LinkedHashMap<>();
    for (DigestItems.Item item : taken) {
      byAlert
          .computeIfAbsent(item.alertId(), id -> new ArrayList<>())
          .add(json.readValue(item.payload(), NoticePayload.class));
    }
    DigestPayload digest =
        new DigestPayload(email, byAlert.values().stream().map(Digests::merge).toList());
    queue.addDigest(
        email, json.writeValueAsString(digest), "digest:" + taken.get(0).id(), digest, now);
    items.delete(taken.stream().map(DigestItems.Item::id).toList());
    return 1;
  }

  /**
   * One alert's group: its runs' listings in order, a listing seen again replaced by its newer
   * sighting; notes of all runs (the newer wins).
   */
  static NoticePayload merge(List<NoticePayload> runs) {
    Map<String, NoticeListing> listings = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    for (NoticePayload run : runs) {
      for (NoticeListing listing : run.listings()) {
        NoticeListing earlier = listings.remove(listing.itemId());
        if (earlier != null && listing.previousPrice() == null && earlier.previousPrice() != null) {
          listing = listing.withPreviousPrice(earlier.previousPrice());
        }
        listings.put(listing.itemId(), listing);
      }
      notes.putAll(run.notes());
    }
    NoticePayload last = runs.get(runs.size() - 1);
    boolean first = runs.stream().allMatch(NoticePayload::first);
    return new NoticePayload(
        last.alertId(), last.searchPhrase(), first, List.copyOf(listings.values()), notes);
  }
}
