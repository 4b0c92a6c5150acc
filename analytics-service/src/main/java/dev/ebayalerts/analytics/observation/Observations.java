package dev.ebayalerts.analytics.observation;

import dev.ebayalerts.pubsub.ObservedListing;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Repository;

/** The append-only table of prices seen, one row per listing per fetch. */
@Repository
class Observations {

  private static final int TITLE_LIMIT = 300;

  /** Bytes of rows sent at once: large enough to amortise each write, small to overlap. */
  private static final int CHUNK = 64 * 1024;

  private final DataSource dataSource;
  private final SQLExceptionTranslator translator;

  Observations(DataSource dataSource) {
    this.dataSource = dataSource;
    this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
  }

  /** The priced listings of one fetch of an alert, on the marketplace it searched. */
  record Fetch(
      UUID alertId, String marketplace, Instant fetchedAt, List<ObservedListing> listings) {}

  /**
   * The listings of all fetches with one {@code COPY} on the transaction's connection, which
   * PostgreSQL loads about half again as fast as a batched insert (see BENCHMARKS.md). Binary
   * format ({@link CopyRows}): PostgreSQL then parses no text per value (a {@code timestamptz}, two
   * {@code numeric}s and a {@code uuid} per row), and this side escapes and encodes no rows. The
   * rows are sent in chunks while the next ones are written, so PostgreSQL stores one chunk while
   * this thread prepares the next, and no batch is held in memory whole.
   */
  void add(List<Fetch> fetches) {
    if (fetches.stream().allMatch(fetch -> fetch.listings().isEmpty())) {
      return;
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    CopyIn copy = null;
    try {
      copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  """
                  copy price_observation (alert_id, item_id, title, price, currency, item_web_url,
                      image_url, item_condition, buying_option, observed_at, marketplace,
                      shipping_cost, shipping_type) from stdin with (format binary)""");
      CopyRows rows = new CopyRows(CHUNK + 4096);
      for (Fetch fetch : fetches) {
        for (ObservedListing listing : fetch.listings()) {
          row(rows, fetch, listing);
          if (rows.length() >= CHUNK) {
            send(copy, rows);
          }
        }
      }
      rows.end();
      send(copy, rows);
      copy.endCopy();
      copy = null;
    } catch (SQLException e) {
      throw translator.translate("copy price_observation", null, e);
    } finally {
      cancel(copy);
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private static void row(CopyRows rows, Fetch fetch, ObservedListing listing) {
    Instant observedAt = listing.observedAt() == null ? fetch.fetchedAt() : listing.observedAt();
    rows.row(13)
        .uuid(fetch.alertId())
        .text(listing.itemId())
        .text(truncate(listing.title()))
        .numeric(listing.price())
        .text(listing.currency())
        .text(listing.itemWebUrl())
        .text(listing.imageUrl())
        .text(listing.condition())
        .text(listing.buyingOption())
        .timestamp(observedAt)
        .text(fetch.marketplace())
        .numeric(listing.shippingCost())
        .text(listing.shippingType());
  }

  private static void send(CopyIn copy, CopyRows rows) throws SQLException {
    if (rows.length() == 0) {
      return;
    }
    copy.writeToCopy(rows.bytes(), 0, rows.length());
    rows.clear();
  }

  /** Ends a COPY that failed midway, so the connection can roll the transaction back. */
  private static void cancel(CopyIn copy) {
    if (copy != null && copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException e) {
        // the transaction fails and rolls back anyway; the original failure is the one to report
      }
    }
  }

  private static String truncate(String title) {
    if (title == null) {
      return "";
    }
    return title.length() <= TITLE_LIMIT ? title : title.substring(0, TITLE_LIMIT);
  }
}
