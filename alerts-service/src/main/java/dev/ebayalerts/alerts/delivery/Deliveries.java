package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.channel.ChannelType;
import dev.ebayalerts.alerts.schedule.DeliverySchedule;
import dev.ebayalerts.alerts.schedule.DeliverySchedules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The way in to the delivery outbox: what a run tells is stored once as the run's notice (which the
 * Atom feed reads, whatever the channels) and once per enabled channel of the alert as deliveries,
 * split into as many messages as the channel takes. A channel its owner paused gets nothing. {@link
 * DeliverySender} sends them after the caller's transaction commits.
 *
 * <p>The EMAIL channel follows its address's {@link DeliverySchedule}: with HOURLY or DAILY, the
 * email share waits in the {@link Digests} store for the slot, except listings told for a reason
 * the schedule sends at once (target price, ending soon), which go out now as before. Chat and
 * webhook channels, and the notice the feed reads, always get the whole run at once.
 */
@Component
public class Deliveries {

  private final DeliveryQueue queue;
  private final DeliverySchedules schedules;
  private final Digests digests;
  private final ObjectMapper json;

  Deliveries(DeliveryQueue queue, DeliverySchedules schedules, Digests digests, ObjectMapper json) {
    this.queue = queue;
    this.schedules = schedules;
    this.digests = digests;
    this.json = json;
  }

  /**
   * Stores what the run tells. Must run inside the caller's transaction, the one that also records
   * what was told: the decision and the deliveries commit (or roll back) together, so news is never
   * lost and never decided twice.
   *
   * @param told what to tell; at least one listing
   * @param now when the run happened; it orders the alert's notices
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deliver(NoticePayload told, Instant now) {
    deliverAll(List.of(told), now);
  }

  /**
   * {@link #deliver} for the runs of many alerts in the caller's transaction, at the same moment:
   * their channels, owners and schedules are read with one query each, their notices and deliveries
   * written with one statement each, however many alerts the transaction runs.
   *
   * @param told what each run tells; at most one per alert, each with at least one listing
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deliverAll(List<NoticePayload> told, Instant now) {
    if (told.isEmpty()) {
      return;
    }
    for (NoticePayload payload : told) {
      if (payload.listings().isEmpty()) {
        throw new IllegalArgumentException("A notice needs at least one listing");
      }
    }
    List<UUID> alertIds = told.stream().map(NoticePayload::alertId).toList();
    Map<UUID, List<DeliveryQueue.Target>> channels = queue.enabledChannels(alertIds);
    List<UUID> emailed =
        alertIds.stream()
            .filter(
                id ->
                    channels.getOrDefault(id, List.of()).stream()
                        .anyMatch(channel -> channel.type() == ChannelType.EMAIL))
            .toList();
    Map<UUID, String> owners = queue.owners(emailed);
    Map<String, DeliverySchedule> byAddress = schedules.of(owners.values());
    List<DeliveryQueue.NewNotice> notices = new ArrayList<>(told.size());
    List<DeliveryQueue.NewDelivery> messages = new ArrayList<>();
    for (NoticePayload payload : told) {
      UUID notice = UUID.randomUUID();
      UUID alertId = payload.alertId();
      notices.add(new DeliveryQueue.NewNotice(notice, alertId, json.writeValueAsString(payload)));
      for (DeliveryQueue.Target channel : channels.getOrDefault(alertId, List.of())) {
        NoticePayload sentNow =
            channel.type() == ChannelType.EMAIL
                ? emailNow(payload, owners.get(alertId), byAddress, now)
                : payload;
        int size = channel.type().listingsPerMessage();
        for (int from = 0, part = 0; from < sentNow.listings().size(); from += size, part++) {
          NoticePayload message =
              sentNow.part(from, Math.min(sentNow.listings().size(), from + size));
          messages.add(
              new DeliveryQueue.NewDelivery(
                  alertId,
                  channel.id(),
                  json.writeValueAsString(message),
                  notice + ":" + channel.id() + ":" + part,
                  message.usefulUntil()));
        }
      }
    }
    queue.addNotices(notices, now);
    queue.addAll(messages, now);
  }

  /**
   * What of the run the email channel sends now: all of it without a schedule; otherwise the
   * listings the schedule sends at once, the rest waiting for the address's next digest.
   */
  private NoticePayload emailNow(
      NoticePayload told, String email, Map<String, DeliverySchedule> schedules, Instant now) {
    DeliverySchedule schedule = schedules.getOrDefault(email, DeliverySchedule.DEFAULT);
    if (!schedule.batches()) {
      return told;
    }
    List<NoticeListing> atOnce = new ArrayList<>();
    List<NoticeListing> later = new ArrayList<>();
    for (NoticeListing listing : told.listings()) {
      List<String> reasons = listing.reasons().stream().map(Enum::name).toList();
      (schedule.sendsAtOnce(reasons) ? atOnce : later).add(listing);
    }
    if (!later.isEmpty()) {
      digests.hold(email, schedule, told.with(later), now);
    }
    return told.with(atOnce);
  }
}
