package dev.ebayalerts.alerts.mute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The mutes of each address, and what they take out of one alert's results. */
@Repository
public class Mutes {

  /** The most mutes an address keeps: enough for anyone, bounded for everyone. */
  static final int MAX_PER_ADDRESS = 2_000;

  private final JdbcClient jdbc;

  Mutes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * {@link #forAlert} for many alerts in one query: alert ids to their owners' addresses in, alert
   * ids to what each must not show out.
   */
  public Map<UUID, MuteSet> forAlerts(Map<UUID, String> owners) {
    if (owners.isEmpty()) {
      return Map.of();
    }
    record Row(UUID alertId, String email, MuteKind kind, String value) {}
    List<Row> rows =
        jdbc.sql(
                "select alert_id, email, kind, value from mute where alert_id = any(:alerts)"
                    + " or (alert_id is null and email = any(:emails))")
            .param("alerts", owners.keySet().toArray(UUID[]::new))
            .param("emails", new HashSet<>(owners.values()).toArray(String[]::new))
            .query(
                (row, n) ->
                    new Row(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        MuteKind.valueOf(row.getString(3)),
                        row.getString(4)))
            .list();
    if (rows.isEmpty()) {
      return Map.of();
    }
    Map<Object, List<Row>> byOwner = new HashMap<>();
    for (Row row : rows) {
      // an alert's own mutes under its id, its owner's mutes for every alert under the address
      byOwner
          .computeIfAbsent(
              row.alertId() != null ? row.alertId() : row.email(), k -> new ArrayList<>())
          .add(row);
    }
    Map<UUID, MuteSet> sets = new HashMap<>();
    owners.forEach(
        (alertId, email) -> {
          Set<String> items = new HashSet<>();
          Set<String> sellers = new HashSet<>();
          List<String> words = new ArrayList<>();
          for (Object key : List.of(alertId, email)) {
            for (Row row : byOwner.getOrDefault(key, List.of())) {
              switch (row.kind()) {
                case LISTING -> items.add(row.value());
                case SELLER -> sellers.add(row.value().toLowerCase(Locale.ROOT));
                case WORD -> words.add(row.value());
              }
            }
          }
          if (!items.isEmpty() || !sellers.isEmpty() || !words.isEmpty()) {
            sets.put(alertId, MuteSet.of(items, sellers, words));
          }
        });
    return sets;
  }

  /** What the alert must not show: its own mutes and those of every alert of its owner. */
  public MuteSet forAlert(UUID alertId, String email) {
    Set<String> items = new HashSet<>();
    Set<String> sellers = new HashSet<>();
    List<String> words = new ArrayList<>();
    jdbc.sql(
            "select kind, value from mute where alert_id = :alert"
                + " or (alert_id is null and email = :email)")
        .param("alert", alertId)
        .param("email", email)
        .query(
            (ResultSet row) -> {
              String value = row.getString(2);
              switch (MuteKind.valueOf(row.getString(1))) {
                case LISTING -> items.add(value);
                case SELLER -> sellers.add(value.toLowerCase(Locale.ROOT));
                case WORD -> words.add(value);
              }
            });
    return items.isEmpty() && sellers.isEmpty() && words.isEmpty()
        ? MuteSet.NONE
        : MuteSet.of(items, sellers, words);
  }

  List<Mute> of(String email) {
    return jdbc.sql(
            "select id, alert_id, kind, value, title, created_at from mute where email = ?"
                + " order by created_at desc, id")
        .param(email)
        .query(Mutes::mute)
        .list();
  }

  /** The address's mutes that apply to the alert, with the titles of its muted listings. */
  List<Muted> ofAlert(UUID alertId, String email) {
    return jdbc.sql(
            "select kind, value, title, seller, category from mute where alert_id = :alert"
                + " or (alert_id is null and email = :email)")
        .param("alert", alertId)
        .param("email", email)
        .query(
            (row, n) ->
                new Muted(
                    MuteKind.valueOf(row.getString(1)),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    row.getString(5)))
        .list();
  }

  /** A mute as suggestions read it. */
  record Muted(MuteKind kind, String value, String title, String seller, String category) {}

  /**
   * What the alert last told about a listing, for a listing mute: its title, seller and category.
   * Empty for a listing the alert never told.
   */
  Optional<Listing> toldListing(UUID alertId, String itemId) {
    return jdbc.sql(
            """
            select l.normalized_title, l.seller,
                   (select r->'categoryIds'->>0
                    from search_result s, jsonb_array_elements(s.listings) r
                    where s.search_key = a.search_key and r->>'itemId' = l.item_id
                    limit 1) as category
            from alert_listing l join alert a on a.id = l.alert_id
            where l.alert_id = :alert and l.item_id = :item""")
        .param("alert", alertId)
        .param("item", itemId)
        .query((row, n) -> new Listing(row.getString(1), row.getString(2), row.getString(3)))
        .optional();
  }

  record Listing(String title, String seller, String category) {}

  /**
   * Mutes something for the address, once: muting it again answers the mute there is.
   *
   * @return the mute, and whether it was made now
   */
  @Transactional
  Added add(String email, UUID alertId, MuteKind kind, String value, Listing listing, Instant now) {
    Optional<Mute> existing = find(email, alertId, kind, value);
    if (existing.isPresent()) {
      return new Added(existing.get(), false);
    }
    int count =
        jdbc.sql("select count(*) from mute where email = ?")
            .param(email)
            .query(Integer.class)
            .single();
    if (count >= MAX_PER_ADDRESS) {
      throw new TooManyMutes();
    }
    jdbc.sql(
            """
            insert into mute (id, email, alert_id, kind, value, title, seller, category,
                created_at)
            values (:id, :email, :alert, :kind, :value, :title, :seller, :category, :now)
            on conflict do nothing""")
        .param("id", UUID.randomUUID())
        .param("email", email)
        .param("alert", alertId)
        .param("kind", kind.name())
        .param("value", value)
        .param("title", listing == null ? null : cut(listing.title(), 300))
        .param("seller", listing == null ? null : cut(listing.seller(), 100))
        .param("category", listing == null ? null : cut(listing.category(), 12))
        .param("now", Timestamp.from(now))
        .update();
    return new Added(find(email, alertId, kind, value).orElseThrow(), true);
  }

  record Added(Mute mute, boolean created) {}

  /** An address has as many mutes as it may keep. */
  static final class TooManyMutes extends RuntimeException {
    TooManyMutes() {
      super("at most " + MAX_PER_ADDRESS + " mutes per address");
    }
  }

  /** Undoes a mute of the address; false if it has none with that id. */
  boolean delete(String email, UUID id) {
    return jdbc.sql("delete from mute where id = ? and email = ?").params(id, email).update() > 0;
  }

  private Optional<Mute> find(String email, UUID alertId, MuteKind kind, String value) {
    return jdbc.sql(
            """
            select id, alert_id, kind, value, title, created_at from mute
            where email = :email and alert_id is not distinct from :alert and kind = :kind
              and lower(value) = lower(:value)""")
        .param("email", email)
        .param("alert", alertId)
        .param("kind", kind.name())
        .param("value", value)
        .query(Mutes::mute)
        .optional();
  }

  private static Mute mute(ResultSet row, int n) throws SQLException {
    UUID alert = row.getObject("alert_id", UUID.class);
    MuteKind kind = MuteKind.valueOf(row.getString("kind"));
    String value = row.getString("value");
    String title = row.getString("title");
    return new Mute(
        row.getObject("id", UUID.class),
        alert,
        kind,
        value,
        label(kind, value, title, alert == null),
        row.getTimestamp("created_at").toInstant());
  }

  static String label(MuteKind kind, String value, String title, boolean everywhere) {
    String what =
        switch (kind) {
          case LISTING -> "Listing: " + (title == null ? value : title);
          case SELLER -> "Seller " + value;
          case WORD -> "Word \"" + value + "\"";
        };
    return everywhere ? what + " (all alerts)" : what;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
