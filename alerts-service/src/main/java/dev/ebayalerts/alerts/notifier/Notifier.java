package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.delivery.Deliveries;
import dev.ebayalerts.alerts.delivery.NoticeListing;
import dev.ebayalerts.alerts.delivery.NoticePayload;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    RuleEngine.Decision decision = RuleEngine.decide(run, memory.states(run.alertId()));
    memory.saveStates(run.alertId(), decision.states(), run.now());
    memory.forgetEndedAuctions(run.alertId(), run.now().minus(Duration.ofDays(8)));
    List<NoticeListing> held = memory.held(run.alertId());
    if (decision.told().isEmpty() && held.isEmpty()) {
      return 0;
    }
    NoticeRules rules = run.rules();
    ZonedDateTime local = run.now().atZone(rules.zone());
    LocalDate today = local.toLocalDate();
    boolean quiet = rules.quietAt(local);
    boolean capped =
        rules.maxPerDay() != null && memory.deliveriesOn(run.alertId(), today) >= rules.maxPerDay();
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
    deliveries.deliver(
        new NoticePayload(run.alertId(), run.searchPhrase(), run.first(), all, notes), run.now());
    memory.clearHeld(run.alertId());
    memory.countDelivery(run.alertId(), today);
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
