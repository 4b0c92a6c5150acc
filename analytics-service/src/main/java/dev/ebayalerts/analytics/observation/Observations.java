package dev.ebayalerts.analytics.observation;

import dev.ebayalerts.pubsub.ObservedListing;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Repository;

/** The append-only table of prices seen, one row per listing per fetch. */
@Repository
class Observations {

  private static final int TITLE_LIMIT = 300;

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
   * PostgreSQL loads about half again as fast as a batched insert (see BENCHMARKS.md).
   */
  void add(List<Fetch> fetches) {
    StringBuilder rows = new StringBuilder();
    for (Fetch fetch : fetches) {
      for (ObservedListing listing : fetch.listings()) {
        field(rows, fetch.alertId().toString()).append('\t');
        field(rows, listing.itemId()).append('\t');
        field(rows, truncate(listing.title())).append('\t');
        field(rows, plain(listing.price())).append('\t');
        field(rows, listing.currency()).append('\t');
        field(rows, listing.itemWebUrl()).append('\t');
        field(rows, listing.imageUrl()).append('\t');
        field(rows, listing.condition()).append('\t');
        field(rows, listing.buyingOption()).append('\t');
        Instant observedAt =
            listing.observedAt() == null ? fetch.fetchedAt() : listing.observedAt();
        field(rows, observedAt.toString()).append('\t');
        field(rows, fetch.marketplace()).append('\t');
        field(rows, plain(listing.shippingCost())).append('\t');
        field(rows, listing.shippingType()).append('\n');
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              """
              copy price_observation (alert_id, item_id, title, price, currency, item_web_url,
                  image_url, item_condition, buying_option, observed_at, marketplace,
                  shipping_cost, shipping_type) from stdin""",
              new StringReader(rows.toString()));
    } catch (SQLException e) {
      throw translator.translate("copy price_observation", null, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
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

  private static String truncate(String title) {
    if (title == null) {
      return "";
    }
    return title.length() <= TITLE_LIMIT ? title : title.substring(0, TITLE_LIMIT);
  }
}
