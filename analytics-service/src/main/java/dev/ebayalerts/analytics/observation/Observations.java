package dev.ebayalerts.analytics.observation;

import dev.ebayalerts.pubsub.ObservedListing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

  /** Characters of rows sent at once: large enough to amortise each write, small to overlap. */
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
   * PostgreSQL loads about half again as fast as a batched insert (see BENCHMARKS.md). The rows are
   * sent in chunks while the next ones are written, so PostgreSQL parses and stores one chunk while
   * this thread prepares the next, and no batch is held in memory twice (as text and as bytes).
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
                      shipping_cost, shipping_type) from stdin""");
      StringBuilder rows = new StringBuilder(CHUNK + 4096);
      for (Fetch fetch : fetches) {
        String alert = fetch.alertId().toString();
        for (ObservedListing listing : fetch.listings()) {
          row(rows, alert, fetch, listing);
          if (rows.length() >= CHUNK) {
            send(copy, rows);
          }
        }
      }
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

  private static void row(StringBuilder rows, String alert, Fetch fetch, ObservedListing listing) {
    rows.append(alert).append('\t');
    field(rows, listing.itemId()).append('\t');
    field(rows, truncate(listing.title())).append('\t');
    field(rows, plain(listing.price())).append('\t');
    field(rows, listing.currency()).append('\t');
    field(rows, listing.itemWebUrl()).append('\t');
    field(rows, listing.imageUrl()).append('\t');
    field(rows, listing.condition()).append('\t');
    field(rows, listing.buyingOption()).append('\t');
    Instant observedAt = listing.observedAt() == null ? fetch.fetchedAt() : listing.observedAt();
    rows.append(observedAt).append('\t');
    field(rows, fetch.marketplace()).append('\t');
    field(rows, plain(listing.shippingCost())).append('\t');
    field(rows, listing.shippingType()).append('\n');
  }

  private static void send(CopyIn copy, StringBuilder rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    rows.setLength(0);
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

  private static String plain(BigDecimal amount) {
    return amount == null ? null : amount.toPlainString();
  }

  /** A value in COPY's text format: null as \\N, backslash and control characters escaped. */
  private static StringBuilder field(StringBuilder rows, String value) {
    if (value == null) {
      return rows.append("\\N");
    }
    if (!needsEscape(value)) {
      return rows.append(value);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> rows.append("\\\\");
        case '\t' -> rows.append("\\t");
        case '\n' -> rows.append("\\n");
        case '\r' -> rows.append("\\r");
        default -> rows.append(c);
      }
    }
    return rows;
  }

  private static boolean needsEscape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private static String truncate(String title) {
    if (title == null) {
      return "";
    }
    return title.length() <= TITLE_LIMIT ? title : title.substring(0, TITLE_LIMIT);
  }
}
