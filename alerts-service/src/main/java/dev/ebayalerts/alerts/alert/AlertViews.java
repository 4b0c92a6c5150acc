package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.channel.ChannelView;
import dev.ebayalerts.alerts.channel.Channels;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An owner's alerts as the API shows them, read with plain SQL: the dashboard lists and reads
 * alerts far more often than it changes them. Through JPA, the paged derived query (built and
 * translated on every call, then counted with a second query) and loading managed entities cost
 * several times the SQL itself. Here a page, its total, the channels of its alerts and whether the
 * owner's address is confirmed are one statement, and so is one alert: under load each statement's
 * round trip to the database costs more than the work it asks for. Each read is one statement
 * outside a transaction, which sees what a read-only transaction at READ COMMITTED saw.
 */
@Component
class AlertViews {

  /** The columns of the properties {@link AlertSort} allows, and the id it adds last. */
  private static final Map<String, String> COLUMNS =
      Map.of(
          "createdAt", "created_at",
          "updatedAt", "updated_at",
          "searchPhrase", "search_phrase",
          "email", "email",
          "frequencyMinutes", "frequency_minutes",
          "id", "id");

  /**
   * Whether the owner's address (its parameter) is confirmed: the subscriber table, read here so
   * that a view needs no statement of its own for it, and once per statement, not per row.
   */
  private static final String ADDRESS_CONFIRMED =
      "exists (select 1 from subscriber s where s.email = ?"
          + " and s.confirmed_at is not null) as address_confirmed";

  private static final String ONE =
      "select a.*, "
          + ADDRESS_CONFIRMED
          + ", "
          + Channels.COLUMNS
          + " from alert a left join alert_channel c on c.alert_id = a.id"
          + " where a.id = ? and a.email = ? order by c.created_at, c.id";

  /** An alert with all its response shows besides itself. */
  record View(Alert alert, List<ChannelView> channels, boolean addressConfirmed) {}

  private final JdbcClient jdbc;

  /** The page statement of each sort order (a handful: {@link AlertSort} allows few). */
  private final Map<Sort, String> pageStatements = new ConcurrentHashMap<>();

  AlertViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One page of the owner's alerts in the page's order, with the total of all of them. */
  Page<View> page(String owner, Pageable page) {
    long[] total = {-1};
    ResultSetExtractor<List<View>> rows =
        rs -> views(rs, row -> total[0] = row.getLong("total_elements"));
    List<View> views =
        jdbc.sql(pageStatements.computeIfAbsent(page.getSort(), AlertViews::pageStatement))
            .params(owner, page.getPageSize(), page.getOffset(), owner)
            .query(rows);
    if (total[0] < 0) {
      // No row carried the total: the owner has none, or the page lies beyond the last one.
      total[0] = page.getOffset() == 0 ? 0 : count(owner);
    }
    return new PageImpl<>(views, page, total[0]);
  }

  /** The alert if it belongs to {@code owner}. */
  Optional<View> find(UUID id, String owner) {
    ResultSetExtractor<List<View>> rows = rs -> views(rs, row -> {});
    return jdbc.sql(ONE).params(owner, id, owner).query(rows).stream().findFirst();
  }

  /**
   * The page's alerts in their order: {@code position} keeps the order of the page's sort, the join
   * adds a row per channel (and one without a channel for an alert that has none).
   */
  private static String pageStatement(Sort sort) {
    String order = orderBy(sort);
    // The page is chosen on the alerts' ids and sort columns only, and only its alerts are read
    // whole: sorting and counting all the owner's rows whole cost more than the page itself.
    return "with page as (select a.id, count(*) over () as total_elements,"
        + " row_number() over (order by "
        + order
        + ") as position from alert a where a.email = ? order by "
        + order
        + " limit ? offset ?) select a.*, p.total_elements, "
        + ADDRESS_CONFIRMED
        + ", "
        + Channels.COLUMNS
        + " from page p join alert a on a.id = p.id"
        + " left join alert_channel c on c.alert_id = a.id"
        + " order by p.position, c.created_at, c.id";
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /** Rows of an alert and its channels, one alert after the other, as views. */
  private static List<View> views(ResultSet rs, RowReader eachRow) throws SQLException {
    Map<UUID, View> views = new LinkedHashMap<>();
    while (rs.next()) {
      eachRow.read(rs);
      UUID id = rs.getObject("id", UUID.class);
      View view = views.get(id);
      if (view == null) {
        view = new View(Alert.fromRow(rs), new ArrayList<>(), rs.getBoolean("address_confirmed"));
        views.put(id, view);
      }
      Channels.viewOf(rs).ifPresent(view.channels()::add);
    }
    return new ArrayList<>(views.values());
  }

  private long count(String owner) {
    return jdbc.sql("select count(*) from alert where email = ?")
        .param(owner)
        .query(Long.class)
        .single();
  }

  /** Only known columns reach the SQL: the sort comes from a client. */
  private static String orderBy(Sort sort) {
    if (sort.isUnsorted()) {
      return "a.id";
    }
    return sort.stream()
        .map(
            order -> {
              String column = COLUMNS.get(order.getProperty());
              if (column == null) {
                throw new IllegalArgumentException("not a sortable property: " + order);
              }
              return "a." + column + (order.isAscending() ? " asc" : " desc");
            })
        .collect(Collectors.joining(", "));
  }
}
