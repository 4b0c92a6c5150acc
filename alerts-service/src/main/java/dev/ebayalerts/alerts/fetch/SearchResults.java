package dev.ebayalerts.alerts.fetch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The freshest listings of each distinct search, shared by every alert running that search. */
@Repository
class SearchResults {

  private static final TypeReference<List<FetchedListing>> LISTINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  SearchResults(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The stored result if it was fetched after {@code notBefore}. */
  Optional<Fetch> freshSince(String searchKey, Instant notBefore) {
    return jdbc.sql(
            "select listings::text, warnings from search_result"
                + " where search_key = ? and fetched_at > ?")
        .params(searchKey, Timestamp.from(notBefore))
        .query(
            (row, n) ->
                new Fetch(json.readValue(row.getString(1), LISTINGS), row.getString(2), false))
        .optional();
  }

  void store(String searchKey, Instant fetchedAt, Fetch fetch) {
    jdbc.sql(
            """
            insert into search_result (search_key, fetched_at, listings, warnings)
            values (?, ?, cast(? as jsonb), ?)
            on conflict (search_key) do update set fetched_at = excluded.fetched_at,
                listings = excluded.listings, warnings = excluded.warnings""")
        .params(
            searchKey,
            Timestamp.from(fetchedAt),
            json.writeValueAsString(fetch.listings()),
            fetch.warnings())
        .update();
  }

  /**
   * The listings of one search.
   *
   * @param warnings what eBay warned about (e.g. a filter it ignored), or null
   * @param fresh whether this result came from eBay in this cycle rather than from the store
   */
  record Fetch(List<FetchedListing> listings, String warnings, boolean fresh) {}
}
