package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.delivery.NoticeListing;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * What the rules remember between runs: per-listing rule state, listings held back by quiet hours
 * or the daily cap, and the deliveries of the alert's current day.
 */
@Repository
class NoticeMemory {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  NoticeMemory(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The rule states of many alerts in one query; an alert without any has no entry. */
  Map<UUID, Map<String, RuleEngine.State>> states(Collection<UUID> alertIds) {
    Map<UUID, Map<String, RuleEngine.State>> states = new HashMap<>();
    jdbc.sql(
            "select alert_id, item_id, below_target, ending_soon_told from notice_rule_state"
                + " where alert_id = any(?)")
        .param(alertIds.toArray(UUID[]::new))
        .query(
            rs -> {
              states
                  .computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
                  .put(rs.getString(2), new RuleEngine.State(rs.getBoolean(3), rs.getBoolean(4)));
            });
    return states;
  }

  /** The held listings of many alerts in one query; an alert holding none has no entry. */
  Map<UUID, List<NoticeListing>> held(Collection<UUID> alertIds) {
    Map<UUID, List<NoticeListing>> held = new HashMap<>();
    jdbc.sql(
            "select alert_id, listing::text from notice_held where alert_id = any(?)"
                + " order by held_at, item_id")
        .param(alertIds.toArray(UUID[]::new))
        .query(
            rs -> {
              held.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                  .add(json.readValue(rs.getString(2), NoticeListing.class));
            });
    return held;
  }

  /**
   * Stores the changed states of many alerts, one statement for the rows to forget and one for the
   * rest; a listing back to no state at all is forgotten.
   */
  void saveStates(Map<UUID, Map<String, RuleEngine.State>> changed, Instant now) {
    List<UUID> forgetAlerts = new ArrayList<>();
    List<String> forgetItems = new ArrayList<>();
    List<UUID> keepAlerts = new ArrayList<>();
    List<String> keepItems = new ArrayList<>();
    List<Boolean> belowTarget = new ArrayList<>();
    List<Boolean> endingSoonTold = new ArrayList<>();
    changed.forEach(
        (alertId, states) ->
            states.forEach(
                (itemId, state) -> {
                  if (state.equals(RuleEngine.State.NONE)) {
                    forgetAlerts.add(alertId);
                    forgetItems.add(itemId);
                  } else {
                    keepAlerts.add(alertId);
                    keepItems.add(itemId);
                    belowTarget.add(state.belowTarget());
                    endingSoonTold.add(state.endingSoonTold());
                  }
                }));
    if (!forgetAlerts.isEmpty()) {
      jdbc.sql(
              """
              delete from notice_rule_state s
              using unnest(?::uuid[], ?::text[]) as f(alert_id, item_id)
              where s.alert_id = f.alert_id and s.item_id = f.item_id""")
          .params(forgetAlerts.toArray(UUID[]::new), forgetItems.toArray(String[]::new))
          .update();
    }
    if (!keepAlerts.isEmpty()) {
      jdbc.sql(
              """
              insert into notice_rule_state (alert_id, item_id, below_target,
                  ending_soon_told, updated_at)
              select k.alert_id, k.item_id, k.below_target, k.ending_soon_told, ?
              from unnest(?::uuid[], ?::text[], ?::boolean[], ?::boolean[])
                   as k(alert_id, item_id, below_target, ending_soon_told)
              on conflict (alert_id, item_id) do update
              set below_target = excluded.below_target,
                  ending_soon_told = excluded.ending_soon_told,
                  updated_at = excluded.updated_at""")
          .params(
              Timestamp.from(now),
              keepAlerts.toArray(UUID[]::new),
              keepItems.toArray(String[]::new),
              belowTarget.toArray(Boolean[]::new),
              endingSoonTold.toArray(Boolean[]::new))
          .update();
    }
  }

  /**
   * Forgets auctions told as ending soon long ago: an auction runs at most 10 days and was told
   * within a week of its end, so after that it has ended and will not be seen again.
   */
  void forgetEndedAuctions(Collection<UUID> alertIds, Instant toldBefore) {
    jdbc.sql(
            "delete from notice_rule_state"
                + " where alert_id = any(?) and not below_target and updated_at < ?")
        .params(alertIds.toArray(UUID[]::new), Timestamp.from(toldBefore))
        .update();
  }

  /** Holds listings for a later delivery; a listing held again keeps all its reasons. */
  void hold(UUID alertId, List<NoticeListing> listings, Instant now) {
    Map<String, NoticeListing> held = new HashMap<>();
    held(List.of(alertId)).getOrDefault(alertId, List.of()).forEach(l -> held.put(l.itemId(), l));
    for (NoticeListing listing : listings) {
      NoticeListing earlier = held.get(listing.itemId());
      NoticeListing merged =
          earlier == null ? listing : RuleEngine.fold(List.of(earlier), List.of(listing)).get(0);
      jdbc.sql(
              """
              insert into notice_held (alert_id, item_id, listing, held_at)
              values (?, ?, cast(? as jsonb), ?)
              on conflict (alert_id, item_id) do update set listing = excluded.listing""")
          .params(alertId, listing.itemId(), json.writeValueAsString(merged), Timestamp.from(now))
          .update();
    }
  }

  /** Forgets what the alerts held, now that it was delivered. */
  void clearHeld(Collection<UUID> alertIds) {
    if (alertIds.isEmpty()) {
      return;
    }
    jdbc.sql("delete from notice_held where alert_id = any(?)")
        .param(alertIds.toArray(UUID[]::new))
        .update();
  }

  /**
   * The deliveries of many alerts on their current local days, in one query; an alert without any
   * that day has no entry.
   */
  Map<UUID, Integer> deliveriesOn(Map<UUID, LocalDate> days) {
    Map<UUID, Integer> counts = new HashMap<>();
    if (days.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            """
            select a.id, a.notices_today
            from unnest(?::uuid[], ?::text[]) as d(id, day)
            join alert a on a.id = d.id and a.notices_day = cast(d.day as date)""")
        .params(
            days.keySet().toArray(UUID[]::new),
            days.values().stream().map(LocalDate::toString).toArray(String[]::new))
        .query(
            rs -> {
              counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
            });
    return counts;
  }

  /** Counts one delivery for each of the alerts on its current local day, in one statement. */
  void countDeliveries(Map<UUID, LocalDate> days) {
    if (days.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            update alert a
            set notices_today = case when a.notices_day = cast(d.day as date)
                                     then a.notices_today + 1 else 1 end,
                notices_day = cast(d.day as date)
            from unnest(?::uuid[], ?::text[]) as d(id, day)
            where a.id = d.id""")
        .params(
            days.keySet().toArray(UUID[]::new),
            days.values().stream().map(LocalDate::toString).toArray(String[]::new))
        .update();
  }
}
