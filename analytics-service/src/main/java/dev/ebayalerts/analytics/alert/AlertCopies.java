package dev.ebayalerts.analytics.alert;

import dev.ebayalerts.pubsub.AlertState;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** analytics' copy of each alert, kept current from alert events in any order. */
@Repository
class AlertCopies {

  private final JdbcClient jdbc;

  AlertCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the alert's state unless a newer one is already known. The alert's own version orders
   * changes: an older or repeated state is ignored, and a deletion wins over an update of the same
   * version (the deleted alert's last state) and stays, so nothing resurrects it.
   */
  void apply(AlertState alert, boolean deleted) {
    jdbc.sql(
            """
            insert into alert_copy (id, email, search_phrase, frequency_minutes, min_price,
                max_price, currency, item_condition, buying_option, exclude_words, active, deleted,
                version, created_at, updated_at, marketplace)
            values (:id, :email, :phrase, :frequency, :minPrice, :maxPrice, :currency, :condition,
                :buyingOption, :excludeWords, :active, :deleted, :version, :createdAt, :updatedAt,
                :marketplace)
            on conflict (id) do update set
                email = excluded.email, search_phrase = excluded.search_phrase,
                frequency_minutes = excluded.frequency_minutes, min_price = excluded.min_price,
                max_price = excluded.max_price, currency = excluded.currency,
                item_condition = excluded.item_condition, buying_option = excluded.buying_option,
                exclude_words = excluded.exclude_words, active = excluded.active,
                deleted = excluded.deleted, version = excluded.version,
                created_at = excluded.created_at, updated_at = excluded.updated_at,
                marketplace = excluded.marketplace
            where alert_copy.version < excluded.version
               or (alert_copy.version = excluded.version and excluded.deleted
                   and not alert_copy.deleted)
            """)
        .param("id", alert.id())
        .param("email", alert.email())
        .param("phrase", alert.searchPhrase())
        .param("frequency", alert.frequencyMinutes())
        .param("minPrice", alert.minPrice())
        .param("maxPrice", alert.maxPrice())
        .param("currency", alert.currency())
        .param("condition", alert.condition())
        .param("buyingOption", alert.buyingOption())
        .param("excludeWords", alert.excludeWords().toArray(String[]::new))
        .param("active", alert.active() && !deleted)
        .param("deleted", deleted)
        .param("version", alert.version())
        .param("createdAt", Timestamp.from(alert.createdAt()))
        .param("updatedAt", Timestamp.from(alert.updatedAt()))
        .param("marketplace", alert.marketplace())
        .update();
  }
}
