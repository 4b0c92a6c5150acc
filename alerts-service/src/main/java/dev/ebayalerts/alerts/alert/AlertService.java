package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.account.Accounts;
import dev.ebayalerts.alerts.channel.ChannelView;
import dev.ebayalerts.alerts.channel.Channels;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alert changes. Each change raises its event in the same transaction, so the outbox holds an event
 * exactly for each committed change.
 */
@Service
class AlertService {

  private final Alerts alerts;
  private final AlertViews views;
  private final Channels channels;
  private final Accounts accounts;
  private final FeedLinks feeds;
  private final FairUse fairUse;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final JdbcClient jdbc;

  AlertService(
      Alerts alerts,
      AlertViews views,
      Channels channels,
      Accounts accounts,
      FeedLinks feeds,
      FairUse fairUse,
      ApplicationEventPublisher events,
      Clock clock,
      JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.fairUse = fairUse;
    this.accounts = accounts;
    this.feeds = feeds;
    this.alerts = alerts;
    this.views = views;
    this.channels = channels;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Creates the alert with its channels. The response is the only one holding the secrets of its
   * WEBHOOK channels.
   */
  @Transactional
  AlertResponse create(AlertRequest request) {
    return create(request, false);
  }

  /**
   * Creates the alert; a {@code pending} one (created without a session) runs only once its owner
   * started it.
   */
  @Transactional
  AlertResponse create(AlertRequest request, boolean pending) {
    // A pending alert is checked when it is started: its create must answer the same for every
    // address, and must not tell a stranger how many alerts the address has.
    if (!pending) {
      fairUse.check(request.email(), SearchKey.of(request), null);
    }
    Instant now = now();
    Alert draft = new Alert(UUID.randomUUID(), request, now);
    if (pending) {
      draft.holdForConsent();
    }
    AlertViews.View inserted =
        jdbc.sql(Alert.INSERT)
            .params(draft.insertValues())
            .query(
                (rs, row) ->
                    new AlertViews.View(
                        Alert.fromRow(rs), List.of(), rs.getBoolean("address_confirmed")))
            .single();
    Alert alert = inserted.alert();
    List<ChannelView> saved = channels.create(alert.getId(), alert.getEmail(), request.channels());
    events.publishEvent(AlertEvents.created(alert, now));
    return AlertResponse.from(alert, inserted.addressConfirmed(), saved, feeds);
  }

  /**
   * The owner's alert as the API shows it. Someone else's alert is "not found", like a missing one.
   */
  AlertResponse view(UUID id, String owner) {
    AlertViews.View view = views.find(id, owner).orElseThrow(() -> AlertNotFound.withId(id));
    return AlertResponse.from(view.alert(), view.addressConfirmed(), view.channels(), feeds);
  }

  /** One page of the owner's alerts as the API shows them. */
  AlertPage page(String owner, PageRequest request) {
    return AlertPage.from(views.page(owner, request), feeds);
  }

  /** The owner's alert as a request would send it: what a PATCH merges into. */
  @Transactional(readOnly = true)
  AlertRequest current(UUID id, String owner) {
    return AlertRequest.from(get(id, owner), channels.requestsOf(id));
  }

  /** A page of anyone's alerts (the operator's list). */
  @Transactional(readOnly = true)
  AlertPage page(Page<Alert> page) {
    Map<UUID, List<ChannelView>> channelsOf = channels.of(page.map(Alert::getId).getContent());
    Map<String, Boolean> confirmed = new HashMap<>(); // one lookup per address on the page
    return AlertPage.from(
        page.map(
            alert ->
                new AlertViews.View(
                    alert,
                    channelsOf.getOrDefault(alert.getId(), List.of()),
                    confirmed.computeIfAbsent(alert.getEmail(), accounts::isConfirmed))),
        feeds);
  }

  @Transactional(readOnly = true)
  Alert get(UUID id) {
    return alerts.findById(id).orElseThrow(() -> AlertNotFound.withId(id));
  }

  /**
   * The alert if it belongs to {@code owner}. Someone else's alert is "not found", exactly like a
   * missing one: an id never reveals that an alert exists.
   */
  @Transactional(readOnly = true)
  Alert get(UUID id, String owner) {
    return alerts.findByIdAndEmail(id, owner).orElseThrow(() -> AlertNotFound.withId(id));
  }

  @Transactional(readOnly = true)
  Page<Alert> list(PageRequest page) {
    return alerts.findAll(page);
  }

  /** A signed-in owner's change; changing a pending alert starts it (its owner is acting on it). */
  @Transactional
  AlertResponse update(UUID id, String owner, AlertRequest request) {
    get(id, owner).start(now());
    fairUse.check(request.email(), SearchKey.of(request), id);
    Alert updated = update(id, request);
    return response(updated, channels.replace(id, request.email(), request.channels()));
  }

  @Transactional
  void delete(UUID id, String owner) {
    get(id, owner);
    delete(id);
  }

  /**
   * Replaces the alert's fields. A request carrying a version other than the current one is
   * refused, and so is a concurrent change that commits first (the entity's version check).
   */
  @Transactional
  Alert update(UUID id, AlertRequest request) {
    Alert alert = get(id);
    if (request.isStale(alert)) {
      throw AlertVersionConflict.of(alert, request.version());
    }
    Instant now = now();
    alert.apply(request, now);
    Alert updated = alerts.saveAndFlush(alert);
    events.publishEvent(AlertEvents.updated(updated, now));
    return updated;
  }

  /**
   * Starts a pending alert with its owner's consent.
   *
   * @return the alert, started now or before; empty if it no longer exists
   */
  @Transactional
  Optional<AlertResponse> start(UUID id) {
    return alerts
        .findById(id)
        .map(
            alert -> {
              Instant now = now();
              if (alert.isPending()) {
                fairUse.check(alert.getEmail(), alert.getSearchKey(), id);
              }
              if (alert.start(now)) {
                Alert started = alerts.saveAndFlush(alert);
                events.publishEvent(AlertEvents.updated(started, now));
                return response(started, channels.withSecrets(id));
              }
              return response(alert, channels.of(id));
            });
  }

  /**
   * Deletes alerts created without a session and not started before {@code before}: their start
   * links have expired, and nobody asked for them.
   *
   * @return how many were deleted (at most 100 per call)
   */
  @Transactional
  int deletePendingCreatedBefore(Instant before) {
    List<Alert> stale = alerts.findTop100ByPendingTrueAndCreatedAtBefore(before);
    stale.forEach(alert -> delete(alert.getId()));
    return stale.size();
  }

  @Transactional
  boolean pause(UUID id) {
    return alerts
        .findById(id)
        .map(
            alert -> {
              if (alert.isActive()) {
                AlertRequest current = AlertRequest.from(alert, channels.requestsOf(id));
                update(id, current.withActive(false));
              }
              return true;
            })
        .orElse(false);
  }

  @Transactional
  void delete(UUID id) {
    Alert alert = get(id);
    alerts.delete(alert);
    events.publishEvent(AlertEvents.deleted(alert, now()));
  }

  /** Postgres keeps microseconds: what is answered equals what is read back later. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private AlertResponse response(Alert alert, List<ChannelView> channels) {
    return AlertResponse.from(alert, accounts.isConfirmed(alert.getEmail()), channels, feeds);
  }
}
