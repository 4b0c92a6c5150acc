package dev.ebayalerts.alerts.fetch;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The last parsed result of recent searches, least recently used out first: bounded, so a
   * deployment with more searches than this re-reads some results instead of growing the heap.
   */
  private final Map<String, Parsed> parsed;

  SearchResults(JdbcClient jdbc, ObjectMapper json, FetchSettings settings) {
    this.jdbc = jdbc;
    this.json = json;
    int capacity = settings.parsedResults();
    this.parsed =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The stored results of many searches, each if it was fetched after its own {@code notBefore}, in
   * two queries at most: the fetch times first, then the listings of those not already parsed here.
   * The listings of a result are read and parsed once per fetch, not once per alert batch: alerts
   * sharing a search run over the same result a whole period long.
   */
  Map<String, Fetch> freshSince(Map<String, Instant> notBefore) {
    if (notBefore.isEmpty()) {
      return Map.of();
    }
    Map<String, Instant> fetchedAt = new HashMap<>();
    jdbc.sql("select search_key, fetched_at from search_result where search_key = any(?)")
        .param(notBefore.keySet().toArray(String[]::new))
        .query(
            (ResultSet row) -> {
              Instant at = row.getTimestamp(2).toInstant();
              if (at.isAfter(notBefore.get(row.getString(1)))) {
                fetchedAt.put(row.getString(1), at);
              }
            });
    Map<String, Fetch> fresh = new HashMap<>();
    List<String> toRead = new ArrayList<>();
    fetchedAt.forEach(
        (key, at) -> {
          Parsed parsed = parsed(key);
          if (parsed != null && parsed.fetchedAt().equals(at)) {
            fresh.put(key, parsed.fetch());
          } else {
            toRead.add(key);
          }
        });
    if (!toRead.isEmpty()) {
      jdbc.sql(
              "select search_key, fetched_at, listings::text, warnings from search_result"
                  + " where search_key = any(?)")
          .param(toRead.toArray(String[]::new))
          .query(
              (ResultSet row) -> {
                Fetch fetch =
                    new Fetch(json.readValue(row.getString(3), LISTINGS), row.getString(4), false);
                Instant at = row.getTimestamp(2).toInstant();
                remember(row.getString(1), at, fetch);
                // fetched again meanwhile: newer still, so as fresh
                fresh.put(row.getString(1), fetch);
              });
    }
    return fresh;
  }

  /** A stored result as parsed here, by the time it was fetched. */
  private record Parsed(Instant fetchedAt, Fetch fetch) {}

  private Parsed parsed(String searchKey) {
    synchronized (parsed) {
      return parsed.get(searchKey);
    }
  }

  private void remember(String searchKey, Instant fetchedAt, Fetch fetch) {
    synchronized (parsed) {
      parsed.put(searchKey, new Parsed(fetchedAt, fetch));
    }
  }

  void store(String searchKey, Instant fetchedAt, Fetch fetch) {
    remember(searchKey, fetchedAt.truncatedTo(ChronoUnit.MICROS), fetch);
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
