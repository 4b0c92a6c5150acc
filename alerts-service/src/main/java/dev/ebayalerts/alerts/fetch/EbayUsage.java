package dev.ebayalerts.alerts.fetch;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The eBay calls made for each address's searches, per UTC day ({@code ebay_usage}). */
@Repository
class EbayUsage {

  private final JdbcClient jdbc;

  EbayUsage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The addresses among {@code emails} that made {@code limit} calls or more on {@code day}. */
  Set<String> spent(Collection<String> emails, LocalDate day, int limit) {
    if (emails.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "select email from ebay_usage where day = :day and calls >= :limit and email in (:emails)")
            .param("day", Date.valueOf(day))
            .param("limit", limit)
            .param("emails", emails)
            .query(String.class)
            .list());
  }

  /** Counts one call for each address. */
  void charge(Collection<String> emails, LocalDate day) {
    for (String email : emails) {
      jdbc.sql(
              """
              insert into ebay_usage (email, day, calls) values (?, ?, 1)
              on conflict (email, day) do update set calls = ebay_usage.calls + 1""")
          .params(email, Date.valueOf(day))
          .update();
    }
  }
}
