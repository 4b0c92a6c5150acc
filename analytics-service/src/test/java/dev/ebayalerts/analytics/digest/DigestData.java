package dev.ebayalerts.analytics.digest;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Alert copies and price observations written straight into analytics' tables. */
final class DigestData {

  private final JdbcClient jdbc;

  DigestData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String recipient(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  UUID alert(String email, String phrase) {
    return alert(UUID.randomUUID(), email, phrase, true, false);
  }

  UUID alert(UUID id, String email, String phrase, boolean active, boolean deleted) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into alert_copy (id, email, search_phrase, frequency_minutes, currency,
                item_condition, buying_option, active, deleted, version, created_at, updated_at)
            values (?, ?, ?, 10, 'USD', 'ANY', 'ANY', ?, ?, 0, ?, ?)
            on conflict (id) do update set email = excluded.email,
                search_phrase = excluded.search_phrase, active = excluded.active,
                deleted = excluded.deleted
            """)
        .params(id, email, phrase, active, deleted, now, now)
        .update();
    return id;
  }

  void pause(UUID alertId) {
    jdbc.sql("update alert_copy set active = false where id = ?").param(alertId).update();
  }

  void observe(UUID alertId, String itemId, String price, String currency, Instant at) {
    jdbc.sql(
            """
            insert into price_observation (alert_id, item_id, title, price, currency, item_web_url,
                observed_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            alertId,
            itemId,
            "Listing " + itemId,
            new BigDecimal(price),
            currency,
            "https://www.ebay.com/itm/" + itemId,
            Timestamp.from(at))
        .update();
  }

  List<Map<String, Object>> emails(String recipient) {
    return jdbc.sql("select * from insight_email where recipient = ? order by created_at")
        .param(recipient)
        .query()
        .listOfRows();
  }

  String status(UUID emailId) {
    return jdbc.sql("select status from insight_email where id = ?")
        .param(emailId)
        .query(String.class)
        .single();
  }

  /** The digest is due now, as a parked one is once its slow retry interval has passed. */
  void dueNow(UUID emailId) {
    jdbc.sql("update insight_email set next_attempt_at = now() where id = ?")
        .param(emailId)
        .update();
  }

  Map<String, Object> email(UUID emailId) {
    return jdbc.sql("select * from insight_email where id = ?").param(emailId).query().singleRow();
  }
}
