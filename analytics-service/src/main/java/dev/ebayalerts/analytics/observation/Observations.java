package dev.ebayalerts.analytics.observation;

import dev.ebayalerts.pubsub.ObservedListing;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only table of prices seen, one row per listing per fetch. */
@Repository
class Observations {

  private static final int TITLE_LIMIT = 300;

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  Observations(JdbcTemplate jdbc, JdbcClient client) {
    this.jdbc = jdbc;
    this.client = client;
  }

  /** The priced listings of one fetch of an alert. */
  record Fetch(UUID alertId, Instant fetchedAt, List<ObservedListing> listings) {}

  /** The listings of all fetches as one batched insert (rewritten into multi-row inserts). */
  void add(List<Fetch> fetches) {
    List<Row> rows = new ArrayList<>();
    for (Fetch fetch : fetches) {
      fetch.listings().forEach(listing -> rows.add(new Row(fetch, listing)));
    }
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        """
        insert into price_observation (alert_id, item_id, title, price, currency, item_web_url,
            image_url, item_condition, buying_option, observed_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows,
        500,
        (statement, row) -> {
          ObservedListing listing = row.listing();
          statement.setObject(1, row.fetch().alertId());
          statement.setString(2, listing.itemId());
          statement.setString(3, truncate(listing.title()));
          statement.setBigDecimal(4, listing.price());
          statement.setString(5, listing.currency());
          statement.setString(6, listing.itemWebUrl());
          statement.setString(7, listing.imageUrl());
          statement.setString(8, listing.condition());
          statement.setString(9, listing.buyingOption());
          statement.setTimestamp(
              10,
              Timestamp.from(
                  listing.observedAt() == null ? row.fetch().fetchedAt() : listing.observedAt()));
        });
  }

  private record Row(Fetch fetch, ObservedListing listing) {}

  /** Deletes observations older than the cut-off, a bounded batch at a time; returns rows gone. */
  int deleteOlderThan(Instant cutoff, int batch) {
    return client
        .sql(
            """
            delete from price_observation where id in (
                select id from price_observation where observed_at < ? limit ?)""")
        .params(Timestamp.from(cutoff), batch)
        .update();
  }

  private static String truncate(String title) {
    if (title == null) {
      return "";
    }
    return title.length() <= TITLE_LIMIT ? title : title.substring(0, TITLE_LIMIT);
  }
}
