package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.alert.PriceBasis;
import dev.ebayalerts.ebay.Marketplace;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The schedule, kept on the alert rows. Claiming takes due alerts longest-waiting first with {@code
 * FOR NO KEY UPDATE SKIP LOCKED} and leases them, so concurrent cycles on several instances take
 * disjoint alerts and an alert is run once per period.
 */
@Repository
class DueAlerts {

  private final JdbcClient jdbc;
  private final String instance;

  DueAlerts(JdbcClient jdbc, FetchSettings settings) {
    this.jdbc = jdbc;
    this.instance = settings.instance();
  }

  /**
   * Leases up to {@code limit} alerts due by {@code dueBy} (and not leased then), longest-waiting
   * first.
   */
  List<DueAlert> claim(Instant dueBy, int limit, Instant leaseUntil) {
    return jdbc
        .sql(
            """
            update alert a set lease_until = :leaseUntil
            from (select id from alert
                  where active and not pending and next_run_at <= :dueBy
                    and (lease_until is null or lease_until < :dueBy)
                    -- double opt-in: nothing is fetched (or emailed) for an unconfirmed address
                    and exists (select 1 from subscriber s
                                where s.email = alert.email and s.confirmed_at is not null)
                  order by next_run_at
                  limit :limit
                  -- NO KEY UPDATE: does not wait for (or skip) a row that the email sender
                  -- holds with KEY SHARE while it sends
                  for no key update skip locked) due
            where a.id = due.id
            returning a.id, a.email, a.search_phrase, a.frequency_minutes, a.min_price,
                a.max_price, a.currency, a.item_condition, a.buying_option, a.exclude_words,
                a.min_drop_percent, a.search_key, a.next_run_at, a.last_run_at, a.notify_new_listings,
                a.notify_price_drops, a.target_price, a.ending_soon_minutes, a.quiet_start,
                a.quiet_end, a.time_zone, a.max_notices_per_day, a.marketplace, a.price_basis,
                a.ship_to_country, a.ship_to_postal_code, a.free_shipping_only,
                a.returns_accepted, a.item_location_country, a.category_ids,
                a.excluded_category_ids, a.sellers, a.excluded_sellers,
                a.min_seller_feedback_score, a.min_seller_feedback_percent, a.min_bids,
                a.max_bids,
                exists (select 1 from alert_listing l where l.alert_id = a.id) as emailed_before
            """)
        .param("leaseUntil", Timestamp.from(leaseUntil))
        .param("dueBy", Timestamp.from(dueBy))
        .param("limit", limit)
        .query(DueAlerts::due)
        .list()
        .stream()
        .sorted(java.util.Comparator.comparing(DueAlert::nextRunAt))
        .toList();
  }

  /**
   * Ends a run: the next one is a period after the one just due, so runs keep their spacing; an
   * alert that fell behind by more than a period runs a period from now rather than twice in a row.
   */
  void complete(DueAlert alert, Instant now, String error, String warning) {
    complete(List.of(new Completion(alert, error, warning)), now);
  }

  /** How one run ended: with an error (it failed) or not, and what eBay warned about. */
  record Completion(DueAlert alert, String error, String warning) {}

  /**
   * {@link #complete(DueAlert, Instant, String, String)} for many runs in one statement (one update
   * joined to the runs, rather than one update per run).
   */
  void complete(List<Completion> runs, Instant now) {
    if (runs.isEmpty()) {
      return;
    }
    List<String> due = new ArrayList<>(runs.size());
    List<String> next = new ArrayList<>(runs.size());
    for (Completion run : runs) {
      DueAlert alert = run.alert();
      Instant following = alert.nextRunAt().plusSeconds(alert.frequencyMinutes() * 60L);
      if (!following.isAfter(now)) {
        following = now.plusSeconds(alert.frequencyMinutes() * 60L);
      }
      due.add(alert.nextRunAt().toString());
      next.add(following.toString());
    }
    jdbc.sql(
            """
            update alert a
            set next_run_at = case when a.next_run_at = cast(r.due as timestamptz)
                                   then cast(r.next as timestamptz) else a.next_run_at end,
                lease_until = null, last_run_at = :at, last_run_by = :instance,
                last_error = r.error, last_warning = r.warning
            from unnest(cast(:ids as uuid[]), cast(:due as text[]), cast(:next as text[]),
                        cast(:errors as text[]), cast(:warnings as text[]))
                 as r(id, due, next, error, warning)
            where a.id = r.id""")
        .param("at", Timestamp.from(now))
        .param("instance", instance)
        .param("ids", runs.stream().map(run -> run.alert().id()).toArray(UUID[]::new))
        .param("due", due.toArray(String[]::new))
        .param("next", next.toArray(String[]::new))
        .param("errors", runs.stream().map(run -> truncate(run.error())).toArray(String[]::new))
        .param("warnings", runs.stream().map(run -> truncate(run.warning())).toArray(String[]::new))
        .update();
  }

  /** Gives the alerts back undone; they stay due and, waiting longest, come first next time. */
  void defer(List<DueAlert> alerts, String reason) {
    if (alerts.isEmpty()) {
      return;
    }
    jdbc.sql("update alert set lease_until = null, last_error = :reason where id in (:ids)")
        .param("reason", truncate(reason))
        .param("ids", alerts.stream().map(DueAlert::id).toList())
        .update();
  }

  /**
   * Puts the alerts off until {@code until} (the next UTC day, for an address whose share of eBay
   * calls is used), saying why: they are not claimed again before then.
   */
  void postpone(List<DueAlert> alerts, Instant until, String reason) {
    if (alerts.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            update alert set lease_until = null, next_run_at = :until, last_error = :reason
            where id in (:ids)""")
        .param("until", Timestamp.from(until))
        .param("reason", truncate(reason))
        .param("ids", alerts.stream().map(DueAlert::id).toList())
        .update();
  }

  private static DueAlert due(ResultSet row, int n) throws SQLException {
    String words = row.getString("exclude_words");
    return new DueAlert(
        row.getObject("id", UUID.class),
        row.getString("email"),
        row.getString("search_phrase"),
        row.getInt("frequency_minutes"),
        row.getBigDecimal("min_price"),
        row.getBigDecimal("max_price"),
        row.getString("currency"),
        row.getString("item_condition"),
        row.getString("buying_option"),
        list(words),
        row.getBigDecimal("min_drop_percent"),
        row.getString("search_key"),
        row.getTimestamp("next_run_at").toInstant(),
        instant(row.getTimestamp("last_run_at")),
        row.getBoolean("emailed_before"),
        new NoticeRules(
            row.getBoolean("notify_new_listings"),
            row.getBoolean("notify_price_drops"),
            row.getBigDecimal("target_price"),
            row.getObject("ending_soon_minutes", Integer.class),
            row.getObject("quiet_start", java.time.LocalTime.class),
            row.getObject("quiet_end", java.time.LocalTime.class),
            row.getString("time_zone"),
            row.getObject("max_notices_per_day", Integer.class)),
        new DueAlert.Refinements(
            Marketplace.valueOf(row.getString("marketplace")),
            PriceBasis.valueOf(row.getString("price_basis")),
            row.getString("ship_to_country"),
            row.getString("ship_to_postal_code"),
            row.getBoolean("free_shipping_only"),
            row.getBoolean("returns_accepted"),
            row.getString("item_location_country"),
            list(row.getString("category_ids")),
            list(row.getString("excluded_category_ids")),
            list(row.getString("sellers")),
            list(row.getString("excluded_sellers")),
            row.getObject("min_seller_feedback_score", Integer.class),
            row.getBigDecimal("min_seller_feedback_percent"),
            row.getObject("min_bids", Integer.class),
            row.getObject("max_bids", Integer.class)));
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }

  /** A space-separated column (see the alert's WordListConverter). */
  private static List<String> list(String column) {
    return column == null || column.isBlank() ? List.of() : Arrays.asList(column.split(" "));
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 497) + "...";
  }
}
