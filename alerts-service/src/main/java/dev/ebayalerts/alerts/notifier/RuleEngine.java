package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.delivery.NoticeListing;
import dev.ebayalerts.alerts.delivery.NoticeListing.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a run tells, from the news and from the per-listing memory of the rules: a listing
 * at or below the target price is told once, and again only after it rose above it; an auction
 * ending soon is told once.
 */
final class RuleEngine {

  private RuleEngine() {}

  /** What each rule remembers about a listing. */
  record State(boolean belowTarget, boolean endingSoonTold) {
    static final State NONE = new State(false, false);
  }

  /** What the rules decided: the listings to tell, and the memory to keep. */
  record Decision(List<NoticeListing> told, Map<String, State> states) {}

  static Decision decide(NoticeRun run, Map<String, State> before) {
    NoticeRules rules = run.rules();
    Map<String, NoticeListing> told = new LinkedHashMap<>();
    Map<String, List<Reason>> reasons = new LinkedHashMap<>();
    for (NoticeListing news : run.news()) {
      boolean drop = news.previousPrice() != null;
      if (drop ? rules.priceDrops() : rules.newListings()) {
        told.put(news.itemId(), news);
        reasons
            .computeIfAbsent(news.itemId(), id -> new ArrayList<>())
            .add(drop ? Reason.PRICE_DROP : Reason.NEW_LISTING);
      }
    }
    Map<String, State> states = new LinkedHashMap<>();
    for (NoticeListing listing : run.fetched()) {
      State state = before.getOrDefault(listing.itemId(), State.NONE);
      boolean below = false;
      // A target in dollars says nothing about a price in Canadian dollars.
      if (rules.targetPrice() != null && run.comparable(listing)) {
        below = listing.price().compareTo(rules.targetPrice()) <= 0;
        if (below && !state.belowTarget()) {
          told.putIfAbsent(listing.itemId(), listing);
          reasons
              .computeIfAbsent(listing.itemId(), id -> new ArrayList<>())
              .add(Reason.TARGET_PRICE);
        }
      }
      boolean endingTold = state.endingSoonTold();
      if (!endingTold && endsSoon(listing, run)) {
        endingTold = true;
        told.putIfAbsent(listing.itemId(), listing);
        reasons.computeIfAbsent(listing.itemId(), id -> new ArrayList<>()).add(Reason.ENDING_SOON);
      }
      State after = new State(below, endingTold);
      if (!after.equals(state)) {
        states.put(listing.itemId(), after);
      }
    }
    List<NoticeListing> result =
        told.values().stream().map(l -> l.withReasons(reasons.get(l.itemId()))).toList();
    return new Decision(result, states);
  }

  /**
   * An auction ending within the alert's minutes (and not ended) whose current bid is at most the
   * alert's maximum price, if it has one.
   */
  static boolean endsSoon(NoticeListing listing, NoticeRun run) {
    Integer minutes = run.rules().endingSoonMinutes();
    if (minutes == null || !listing.auction() || listing.itemEndDate() == null) {
      return false;
    }
    Instant end = listing.itemEndDate();
    if (!end.isAfter(run.now()) || end.isAfter(run.now().plus(Duration.ofMinutes(minutes)))) {
      return false;
    }
    return run.maxPrice() == null
        || (run.comparable(listing) && listing.price().compareTo(run.maxPrice()) <= 0);
  }

  /** Held listings first, replaced by a newer sighting of the same listing with all reasons. */
  static List<NoticeListing> fold(List<NoticeListing> held, List<NoticeListing> told) {
    Map<String, NoticeListing> merged = new LinkedHashMap<>();
    for (NoticeListing listing : held) {
      merged.put(listing.itemId(), listing);
    }
    for (NoticeListing listing : told) {
      NoticeListing earlier = merged.remove(listing.itemId());
      if (earlier == null) {
        merged.put(listing.itemId(), listing);
      } else {
        Set<Reason> all = new java.util.LinkedHashSet<>(earlier.reasons());
        all.addAll(listing.reasons());
        NoticeListing newer = listing.withReasons(List.copyOf(all));
        if (newer.previousPrice() == null && earlier.previousPrice() != null) {
          newer = newer.withPreviousPrice(earlier.previousPrice());
        }
        merged.put(listing.itemId(), newer);
      }
    }
    return List.copyOf(merged.values());
  }
}
