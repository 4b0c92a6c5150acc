package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.account.Usage;
import dev.ebayalerts.alerts.web.InvalidRequest;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-address limits of {@link FairUseSettings}: checked when an alert is created, started or
 * changed by its owner, and reported with the session. Pending alerts (created without a session,
 * not started) do not count: a stranger must not be able to use up someone's limits.
 */
@Component
class FairUse implements Usage {

  private final JdbcClient jdbc;
  private final FairUseSettings settings;
  private final Clock clock;

  FairUse(JdbcClient jdbc, FairUseSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Refuses an alert that would take its address beyond its limits.
   *
   * @param changing the alert being changed (it does not count twice), or null for a new one
   */
  void check(String email, String searchKey, UUID changing) {
    // One statement for the three counts: they are checked on every create and change.
    Counts counts =
        jdbc.sql(
                """
                select count(*) as alerts,
                       coalesce(bool_or(search_key = ?), false) as known,
                       count(distinct search_key) as searches
                from alert where email = ? and not pending and id is distinct from ?""")
            .params(searchKey, email, changing)
            .query(
                (rs, row) ->
                    new Counts(
                        rs.getLong("alerts"), rs.getBoolean("known"), rs.getLong("searches")))
            .single();
    long others = counts.alerts();
    if (others >= settings.maxAlertsPerAddress()) {
      throw InvalidRequest.field(
          "email",
          "has " + others + " alerts, the most one address may have: delete one to make room");
    }
    boolean known = counts.known();
    long searches = counts.searches();
    if (!known && searches >= settings.maxSearchesPerAddress()) {
      throw InvalidRequest.field(
          "searchPhrase",
          "would be a "
              + (searches + 1)
              + "th different search; one address may have "
              + settings.maxSearchesPerAddress()
              + " (alerts with the same phrase and filters share one)");
    }
  }

  private record Counts(long alerts, boolean known, long searches) {}

  @Override
  public Limits of(String email) {
    long alerts =
        jdbc.sql("select count(*) from alert where email = ? and not pending")
            .param(email)
            .query(Long.class)
            .single();
    long calls =
        jdbc.sql("select coalesce(sum(calls), 0) from ebay_usage where email = ? and day = ?")
            .params(email, Date.valueOf(LocalDate.now(clock.withZone(ZoneOffset.UTC))))
            .query(Long.class)
            .single();
    return new Limits(
        new Limit(alerts, settings.maxAlertsPerAddress()),
        new Limit(searches(email, null), settings.maxSearchesPerAddress()),
        new Limit(calls, settings.ebayCallsPerAddressPerDay()));
  }

  private long searches(String email, UUID except) {
    return jdbc.sql(
            "select count(distinct search_key) from alert where email = ? and not pending"
                + " and id is distinct from ?")
        .params(email, except)
        .query(Long.class)
        .single();
  }
}
