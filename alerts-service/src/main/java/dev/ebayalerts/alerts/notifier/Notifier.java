package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.delivery.Deliveries;
import dev.ebayalerts.alerts.delivery.NoticeListing;
import dev.ebayalerts.alerts.delivery.NoticePayload;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifier's entry point for a run: applies the alert's rules to what the run found, holds the
 * result back during quiet hours or once the daily cap is reached, and otherwise hands it, together
 * with anything held before, to the delivery outbox (every channel of the alert, and the feed).
 */
@Service
public class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final NoticeMemory memory;
  private final Deliveries deliveries;

  Notifier(NoticeMemory memory, Deliveries deliveries) {
    this.memory = memory;
    this.deliveries = deliveries;
  }

  /**
   * Decides and queues what the run tells. Runs inside the run's transaction, so the rules' memory,
   * the held listings and the queued notices commit together with the run, or not at all.
   *
   * @return the number of listings delivered now (held ones count when they go out)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int onRun(NoticeRun run) {
    return onRuns(List.of(run));
  }

  /**
   * {@link #onRun} for the runs of many alerts in the same transaction: what the rules remember is
   * read for all of them at once, and only what changed is written.
   *
   * @return the number of listings delivered now, over all the runs
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int onRuns(List<NoticeRun> runs) {
    if (runs.isEmpty()) {
      return 0;
    }
    List<UUID> ids = runs.stream().map(NoticeRun::alertId).toList();
    Map<UUID, Map<String, RuleEngine.State>> states = memory.states(ids);
    Map<UUID, List<NoticeListing>> held = memory.held(ids);
    // every run of the batch runs at the same moment
    Instant now = runs.get(0).now();
    memory.forgetEndedAuctions(ids, now.minus(Duration.ofDays(8)));
    Map<UUID, Integer> deliveredToday = memory.deliveriesOn(capped(runs));
    Writes writes = new Writes();
    int count = 0;
    for (NoticeRun run : runs) {
      count +=
          onRun(
              run,
              states.getOrDefault(run.alertId(), Map.of()),
              held.getOrDefault(run.alertId(), List.of()),
              deliveredToday.getOrDefault(run.alertId(), 0),
              writes);
    }
    memory.saveStates(writes.states, now);
    deliveries.deliverAll(writes.delivered, now);
    // only this alert's runs hold its listings, and it is leased to this one: nothing to delete
    // unless it held some when the batch began (a statement saved on most batches)
    memory.clearHeld(writes.heldDelivered);
    memory.countDeliveries(writes.counted);
    return count;
  }

  /** What the runs of a batch write, gathered so that each kind is one statement for all. */
  private static final class Writes {
    private final Map<UUID, Map<String, RuleEngine.State>> states = new LinkedHashMap<>();
    private final List<NoticePayload> delivered = new ArrayList<>();
    private final List<UUID> heldDelivered = new ArrayList<>();
    private final Map<UUID, LocalDate> counted = new LinkedHashMap<>();
  }

  /** The alerts of the runs that have a daily cap, each with its current local day. */
  private static Map<UUID, LocalDate> capped(List<NoticeRun> runs) {
    Map<UUID, LocalDate> days = new LinkedHashMap<>();
    for (NoticeRun run : runs) {
      if (run.rules().maxPerDay() != null) {
        days.put(run.alertId(), run.now().atZone(run.rules().zone()).toLocalDate());
      }
    }
    return days;
  }

  private int onRun(
      NoticeRun run,
      Map<String, RuleEngine.State> states,
      List<NoticeListing> held,
      int deliveredToday,
      Writes writes) {
    RuleEngine.Decision decision = RuleEngine.decide(run, states);
    if (!decision.states().isEmpty()) {
      writes.states.put(run.alertId(), decision.states());
    }
    if (decision.told().isEmpty() && held.isEmpty()) {
      return 0;
    }
    NoticeRules rules = run.rules();
    ZonedDateTime local = run.now().atZone(rules.zone());
    LocalDate today = local.toLocalDate();
    boolean quiet = rules.quietAt(local);
    boolean capped = rules.maxPerDay() != null && deliveredToday >= rules.maxPerDay();
    if (quiet || capped) {
      log.debug(
          "Alert {} holds {} listing(s): {}",
          run.alertId(),
          decision.told().size(),
          quiet ? "quiet hours" : "daily cap reached");
      memory.hold(run.alertId(), decision.told(), run.now());
      return 0;
    }
    List<NoticeListing> all = RuleEngine.fold(held, decision.told());
    Map<String, String> notes = new LinkedHashMap<>();
    BigDecimal fence = fence(run);
    for (NoticeListing listing : all) {
      String note =
          NoticeText.note(
              listing,
              rules,
              java.util.Objects.equals(run.currency(), listing.currency()) ? fence : null);
      if (note != null) {
        notes.put(listing.itemId(), note);
      }
    }
    writes.delivered.add(
        new NoticePayload(run.alertId(), run.searchPhrase(), run.first(), all, notes));
    if (!held.isEmpty()) {
      writes.heldDelivered.add(run.alertId());
    }
    writes.counted.put(run.alertId(), today);
    return all.size();
  }

  /** The run's own prices in the alert's currency say what is implausibly cheap for the search. */
  private static BigDecimal fence(NoticeRun run) {
    if (run.currency() == null) {
      return null;
    }
    return PriceFence.lowerFence(
        run.fetched().stream()
            .filter(l -> run.currency().equals(l.currency()))
            .map(NoticeListing::price)
            .toList());
  }
}
