package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.alert.PriceBasis;
import dev.ebayalerts.alerts.delivery.NoticeListing;
import dev.ebayalerts.alerts.mute.MuteSet;
import dev.ebayalerts.alerts.mute.Mutes;
import dev.ebayalerts.alerts.notifier.NoticeRun;
import dev.ebayalerts.alerts.notifier.Notifier;
import dev.ebayalerts.alerts.outbox.ObservationBatch;
import dev.ebayalerts.pubsub.ListingsObserved;
import dev.ebayalerts.pubsub.ObservedListing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An alert's run over one search result, in one transaction: the news it decides, what the notifier
 * makes of it (notices queued or held), the listings it records as told, the {@code
 * ListingsObserved} event for analytics (with those of the other runs of the transaction, as one
 * {@link ObservationBatch}) and the next run time all commit together, or none does and the run is
 * retried.
 */
@Component
class AlertRun {

  private final ListingHistory history;
  private final Notifier notifier;
  private final DueAlerts schedule;
  private final ApplicationEventPublisher events;
  private final FetchSettings settings;
  private final Mutes mutes;

  AlertRun(
      ListingHistory history,
      Notifier notifier,
      DueAlerts schedule,
      ApplicationEventPublisher events,
      FetchSettings settings,
      Mutes mutes) {
    this.history = history;
    this.notifier = notifier;
    this.schedule = schedule;
    this.events = events;
    this.settings = settings;
    this.mutes = mutes;
  }

  /** One alert due to run over one search result. */
  record Job(DueAlert alert, SearchResults.Fetch fetch) {}

  /** Runs one alert; returns how many listings were told (queued for the alert's channels). */
  @Transactional
  int process(DueAlert alert, SearchResults.Fetch fetch, Instant now) {
    return processAll(List.of(new Job(alert, fetch)), now);
  }

  /**
   * Runs many alerts in one transaction: what they remember (mutes, listings told, rule states,
   * held listings) is read with one query each for all of them, what changed is written in one
   * batch each. If anything fails, all of them roll back; the caller runs them again one by one so
   * one alert's failure stays its own.
   *
   * @return how many listings were told, over all the alerts
   */
  @Transactional
  int processAll(List<Job> jobs, Instant now) {
    Map<UUID, String> owners = new HashMap<>();
    jobs.forEach(job -> owners.put(job.alert().id(), job.alert().email()));
    Map<UUID, MuteSet> muted = mutes.forAlerts(owners);
    Map<UUID, Map<String, NewsFilter.Sent>> histories = history.of(owners.keySet());
    Map<UUID, List<ListingHistory.Told>> remembered = new HashMap<>();
    List<NoticeRun> runs = new ArrayList<>(jobs.size());
    List<ListingsObserved> observations = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      DueAlert alert = job.alert();
      PriceBasis basis = alert.refinements().priceBasis();
      // What eBay could not filter is filtered here, per alert: alerts sharing a search share
      // the eBay call, not these filters.
      // So are the owner's mutes: a muted listing, seller or word never reaches a channel or feed.
      MuteSet mute = muted.getOrDefault(alert.id(), MuteSet.NONE);
      List<FetchedListing> listings =
          ListingFilter.of(alert).apply(job.fetch().listings()).stream()
              .filter(l -> !mute.mutes(l.itemId(), l.seller(), l.title()))
              .toList();
      observations.add(
          new ListingsObserved(
              UUID.randomUUID(),
              now,
              alert.id(),
              alert.searchPhrase(),
              observed(listings, now),
              alert.refinements().marketplace().name()));

      NewsFilter.Decision decision =
          NewsFilter.decide(
              listings,
              histories.getOrDefault(alert.id(), Map.of()),
              alert.minDropPercent(),
              basis);
      List<NewsFilter.News> news = decision.news();
      boolean first = !alert.emailedBefore();
      List<NewsFilter.News> told = first ? limit(news, settings.firstEmailLimit()) : news;

      List<ListingHistory.Told> toRemember = new ArrayList<>();
      for (NewsFilter.News item : news) {
        toRemember.add(
            new ListingHistory.Told(item.listing(), NewsFilter.Sent.of(item.listing(), basis)));
      }
      // A relisted item that is not news is remembered under its new id at the price already
      // told.
      for (FetchedListing listing : listings) {
        NewsFilter.Sent toldAt = decision.relistedAt().get(listing.itemId());
        if (toldAt != null) {
          toRemember.add(new ListingHistory.Told(listing, toldAt));
        }
      }
      remembered.put(alert.id(), toRemember);
      runs.add(
          new NoticeRun(
              alert.id(),
              alert.email(),
              alert.searchPhrase(),
              alert.maxPrice(),
              alert.currency(),
              basis,
              alert.rules(),
              first,
              listings.stream().map(l -> notice(l, null, basis)).toList(),
              told.stream().map(n -> notice(n.listing(), n.previousPrice(), basis)).toList(),
              now));
    }
    events.publishEvent(new ObservationBatch(observations));
    history.record(remembered, now);
    int count = notifier.onRuns(runs);
    schedule.complete(
        jobs.stream()
            .map(job -> new DueAlerts.Completion(job.alert(), null, job.fetch().warnings()))
            .toList(),
        now);
    return count;
  }

  private static <T> List<T> limit(List<T> items, int max) {
    return items.size() <= max ? items : items.subList(0, max);
  }

  /**
   * The listing as told: at the price the alert compares (with shipping, when it compares totals
   * and the shipping is known), so a drop reads "was, now" in the same terms.
   */
  private static NoticeListing notice(
      FetchedListing listing, BigDecimal previousPrice, PriceBasis basis) {
    BigDecimal total = listing.comparedPrice(basis);
    boolean withShipping = basis == PriceBasis.TOTAL && total != null;
    return new NoticeListing(
        listing.itemId(),
        listing.title(),
        withShipping ? total : listing.price(),
        listing.currency(),
        previousPrice,
        listing.imageUrl(),
        listing.itemWebUrl(),
        listing.condition(),
        listing.buyingOption(),
        listing.itemEndDate(),
        List.of(),
        withShipping ? listing.details().withShippingIncluded() : listing.details());
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
                    now,
                    l.details().shippingCost(),
                    l.details().shippingType()))
        .toList();
  }
}
