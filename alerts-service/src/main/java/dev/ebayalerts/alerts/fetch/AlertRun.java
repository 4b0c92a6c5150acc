package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.notification.AlertEmail;
import dev.ebayalerts.alerts.notification.AlertEmails;
import dev.ebayalerts.alerts.notification.EmailListing;
import dev.ebayalerts.pubsub.ListingsObserved;
import dev.ebayalerts.pubsub.ObservedListing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One alert's run over one search result, in one transaction: the news it decides, the email it
 * queues, the listings it records as told, the {@code ListingsObserved} event for analytics and the
 * next run time all commit together, or none does and the run is retried.
 */
@Component
class AlertRun {

  private final ListingHistory history;
  private final AlertEmails emails;
  private final DueAlerts schedule;
  private final ApplicationEventPublisher events;
  private final FetchSettings settings;

  AlertRun(
      ListingHistory history,
      AlertEmails emails,
      DueAlerts schedule,
      ApplicationEventPublisher events,
      FetchSettings settings) {
    this.history = history;
    this.emails = emails;
    this.schedule = schedule;
    this.events = events;
    this.settings = settings;
  }

  /** Returns how many listings were emailed. */
  @Transactional
  int process(DueAlert alert, SearchResults.Fetch fetch, Instant now) {
    List<FetchedListing> listings = fetch.listings();
    events.publishEvent(
        new ListingsObserved(
            UUID.randomUUID(), now, alert.id(), alert.searchPhrase(), observed(listings, now)));

    NewsFilter.Decision decision =
        NewsFilter.decide(listings, history.of(alert.id()), alert.minDropPercent());
    List<NewsFilter.News> news = decision.news();
    boolean first = !alert.emailedBefore();
    List<NewsFilter.News> emailed = first ? limit(news, settings.firstEmailLimit()) : news;

    List<ListingHistory.Told> told = new ArrayList<>();
    for (NewsFilter.News item : news) {
      told.add(new ListingHistory.Told(item.listing(), item.listing().price()));
    }
    // A relisted item that is not news is remembered under its new id at the price already told.
    for (FetchedListing listing : listings) {
      BigDecimal price = decision.relistedAt().get(listing.itemId());
      if (price != null) {
        told.add(new ListingHistory.Told(listing, price));
      }
    }
    history.record(alert.id(), told, now);
    if (!emailed.isEmpty()) {
      emails.enqueue(
          alert.id(),
          alert.email(),
          new AlertEmail(
              alert.searchPhrase(), first, emailed.stream().map(AlertRun::email).toList()));
    }
    schedule.complete(alert, now, null, fetch.warnings());
    return emailed.size();
  }

  private static <T> List<T> limit(List<T> items, int max) {
    return items.size() <= max ? items : items.subList(0, max);
  }

  private static EmailListing email(NewsFilter.News news) {
    FetchedListing listing = news.listing();
    return new EmailListing(
        listing.itemId(),
        listing.title(),
        listing.price(),
        listing.currency(),
        news.previousPrice(),
        listing.imageUrl(),
        listing.itemWebUrl(),
        listing.condition(),
        listing.buyingOption());
  }

  private static List<ObservedListing> observed(List<FetchedListing> listings, Instant now) {
    return listings.stream()
        .map(
            l ->
                new ObservedListing(
                    l.itemId(),
                    l.title(),
                    l.price(),
                    l.currency(),
                    l.itemWebUrl(),
                    l.imageUrl(),
                    l.condition(),
                    l.buyingOption(),
                    now))
        .toList();
  }
}
