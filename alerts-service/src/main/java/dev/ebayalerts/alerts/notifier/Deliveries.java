package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.notification.AlertEmail;
import dev.ebayalerts.alerts.notification.AlertEmails;
import dev.ebayalerts.alerts.notification.EmailListing;
import java.util.List;
import org.springframework.stereotype.Component;

/** Hands what a run tells to the alert's email. */
@Component
class Deliveries {

  private final AlertEmails emails;

  Deliveries(AlertEmails emails) {
    this.emails = emails;
  }

  void deliver(NoticeRun run, List<NoticeListing> listings) {
    emails.enqueue(
        run.alertId(),
        run.email(),
        new AlertEmail(
            run.searchPhrase(),
            run.first(),
            listings.stream().map(l -> email(l, run.rules())).toList()));
  }

  private static EmailListing email(NoticeListing listing, NoticeRules rules) {
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
        NoticeText.note(listing, rules));
  }
}
