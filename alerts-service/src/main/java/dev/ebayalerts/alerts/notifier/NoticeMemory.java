package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.delivery.NoticeListing;
import java.sql.Date;
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

  /** Stores the changed states; a listing back to no state at all is forgotten. */
  void saveStates(UUID alertId, Map<String, RuleEngine.State> changed, Instant now) {
    changed.forEach(
        (itemId, state) -> {
          if (state.equals(RuleEngine.State.NONE)) {
            jdbc.sql("delete from notice_rule_state where alert_id = ? and item_id = ?")
                .params(alertId, itemId)
                .update();
          } else {
            jdbc.sql(
                    """
                    insert into notice_rule_state (alert_id, item_id, below_target,
                        ending_soon_told, updated_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (alert_id, item_id) do update
                    set below_target = excluded.below_target,
                        ending_soon_told = excluded.ending_soon_told,
                        updated_at = excluded.updated_at""")
                .params(
                    alertId,
                    itemId,
                    state.belowTarget(),
                    state.endingSoonTold(),
                    Timestamp.from(now))
                .update();
          }
        });
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

  void clearHeld(UUID alertId) {
    jdbc.sql("delete from notice_held where alert_id = ?").param(alertId).update();
  }

  int heldCount(UUID alertId) {
    return jdbc.sql("select count(*) from notice_held where alert_id = ?")
        .param(alertId)
        .query(Integer.class)
        .single();
  }

  /** Deliveries on {@code day}, the alert's current local day. */
  int deliveriesOn(UUID alertId, LocalDate day) {
    return jdbc.sql(
            "select case when notices_day = ? then notices_today else 0 end from alert where id = ?")
        .params(Date.valueOf(day), alertId)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  void countDelivery(UUID alertId, LocalDate day) {
    jdbc.sql(
            """
            update alert set notices_today = case when notices_day = :day then notices_today + 1
                                                   else 1 end,
                             notices_day = :day
            where id = :id""")
        .param("day", Date.valueOf(day))
        .param("id", alertId)
        .update();
  }
}
