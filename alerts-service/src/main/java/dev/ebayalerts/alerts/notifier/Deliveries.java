package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.notification.AlertEmail;
import dev.ebayalerts.alerts.notification.AlertEmails;
import dev.ebayalerts.alerts.notification.EmailListing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Hands what a run tells to each channel of the alert: the email channel through the alert email
 * queue ({@code alert_email}, which already retries, backs off and gives up like the outbox), every
 * other channel through the notice outbox, split into as many messages as the channel needs. A
 * channel disabled after failing gets its notices too: they wait in the outbox until the channel is
 * enabled again. A channel its owner paused gets nothing.
 */
@Component
class Deliveries {

  private final AlertEmails emails;
  private final Channels channels;
  private final NoticeOutbox outbox;
  private final ObjectMapper json;

  Deliveries(AlertEmails emails, Channels channels, NoticeOutbox outbox, ObjectMapper json) {
    this.emails = emails;
    this.channels = channels;
    this.outbox = outbox;
    this.json = json;
  }

  void deliver(NoticeRun run, List<NoticeListing> listings) {
    Map<String, String> notes = new LinkedHashMap<>();
    for (NoticeListing listing : listings) {
      String note = NoticeText.note(listing, run.rules());
      if (note != null) {
        notes.put(listing.itemId(), note);
      }
    }
    for (Channels.Channel channel : channels.rows(run.alertId())) {
      if (channel.type() == ChannelType.EMAIL) {
        if (channel.enabled()) {
          emails.enqueue(
              run.alertId(),
              run.email(),
              new AlertEmail(
                  run.searchPhrase(),
                  run.first(),
                  listings.stream().map(l -> email(l, notes.get(l.itemId()))).toList()));
        }
        continue;
      }
      if (!channel.enabled() && channel.disabledReason() == null) {
        continue; // paused by its owner: nothing is kept for it
      }
      int size = channel.type().listingsPerMessage();
      for (int from = 0, part = 0; from < listings.size(); from += size, part++) {
        NoticePayload payload =
            new NoticePayload(
                run.alertId(),
                run.searchPhrase(),
                run.first(),
                listings.subList(from, Math.min(listings.size(), from + size)),
                notes);
        // One message per run, channel and part: queueing it twice is a no-op.
        String dedupeKey =
            run.alertId() + ":" + run.now().toEpochMilli() + ":" + channel.id() + ":" + part;
        outbox.add(
            run.alertId(), channel.id(), json.writeValueAsString(payload), dedupeKey, run.now());
      }
    }
  }

  private static EmailListing email(NoticeListing listing, String note) {
    return new EmailListing(
        listing.itemId(),
        listing.title(),
        listing.price(),
        listing.currency(),
        listing.previousPrice(),
        listing.imageUrl(),
        listing.itemWebUrl(),
        listing.condition(),
        listing.buyingOption(),
        note);
  }
}
