package dev.ebayalerts.alerts.alert;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An owner's alerts as the API shows them, read with plain SQL: the dashboard lists and reads
 * alerts far more often than it changes them. Through JPA, the paged derived query (built and
 * translated on every call, then counted with a second query) and loading managed entities cost
 * several times the SQL itself; here a page and its total are one statement. Each read is one
 * statement outside a transaction, which sees what a read-only transaction at READ COMMITTED saw.
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

  private final JdbcClient jdbc;

  AlertViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One page of the owner's alerts in the page's order, with the total of all of them. */
  Page<Alert> page(String owner, Pageable page) {
    long[] total = {-1};
    List<Alert> alerts =
        jdbc.sql(
                "select a.*, count(*) over () as total_elements from alert a where a.email = ?"
                    + " order by "
                    + orderBy(page.getSort())
                    + " limit ? offset ?")
            .params(owner, page.getPageSize(), page.getOffset())
            .query(
                (rs, row) -> {
                  total[0] = rs.getLong("total_elements");
                  return Alert.fromRow(rs);
                })
            .list();
    if (total[0] < 0) {
      // No row carried the total: the owner has none, or the page lies beyond the last one.
      total[0] = page.getOffset() == 0 ? 0 : count(owner);
    }
    return new PageImpl<>(alerts, page, total[0]);
  }

  /** The alert if it belongs to {@code owner}. */
  Optional<Alert> find(UUID id, String owner) {
    return jdbc.sql("select a.* from alert a where a.id = ? and a.email = ?")
        .params(id, owner)
        .query((rs, row) -> Alert.fromRow(rs))
        .optional();
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
