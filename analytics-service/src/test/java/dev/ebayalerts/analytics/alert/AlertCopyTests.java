package dev.ebayalerts.analytics.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.support.IntegrationTest;
import dev.ebayalerts.pubsub.AlertState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The copy of an alert ends in the right state whatever order its events arrive in. */
@IntegrationTest
class AlertCopyTests {

  @Autowired AlertEventHandlers.AlertChanges changes;
  @Autowired JdbcClient jdbc;

  @Test
  void appliesCreateThenUpdates() {
    UUID id = UUID.randomUUID();
    changes.apply(UUID.randomUUID(), state(id, 0, "camera", true), false);
    changes.apply(UUID.randomUUID(), state(id, 1, "camera lens", true), false);
    changes.apply(UUID.randomUUID(), state(id, 2, "camera lens", false), false);

    Map<String, Object> row = row(id);
    assertThat(row).containsEntry("search_phrase", "camera lens").containsEntry("active", false);
    assertThat(row.get("version")).isEqualTo(2L);
  }

  @Test
  void ignoresAnOlderUpdateArrivingAfterANewerOne() {
    UUID id = UUID.randomUUID();
    changes.apply(UUID.randomUUID(), state(id, 2, "newest", true), false);
    changes.apply(UUID.randomUUID(), state(id, 1, "older", true), false);
    changes.apply(UUID.randomUUID(), state(id, 0, "created", true), false);

    assertThat(row(id)).containsEntry("search_phrase", "newest");
  }

  @Test
  void deleteBeforeCreateLeavesTheAlertDeleted() {
    UUID id = UUID.randomUUID();
    changes.apply(UUID.randomUUID(), state(id, 0, "camera", true), true);
    changes.apply(UUID.randomUUID(), state(id, 0, "camera", true), false);

    assertThat(row(id)).containsEntry("deleted", true).containsEntry("active", false);
  }

  @Test
  void deleteWinsOverTheUpdateOfTheSameVersionInEitherOrder() {
    UUID first = UUID.randomUUID();
    changes.apply(UUID.randomUUID(), state(first, 3, "camera", true), false);
    changes.apply(UUID.randomUUID(), state(first, 3, "camera", true), true);
    UUID second = UUID.randomUUID();
    changes.apply(UUID.randomUUID(), state(second, 3, "camera", true), true);
    changes.apply(UUID.randomUUID(), state(second, 3, "camera", true), false);

    assertThat(row(first)).containsEntry("deleted", true);
    assertThat(row(second)).containsEntry("deleted", true);
  }

  @Test
  void aRedeliveredEventIsAppliedOnce() {
    UUID id = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    changes.apply(eventId, state(id, 0, "camera", true), false);
    changes.apply(UUID.randomUUID(), state(id, 1, "renamed", true), false);
    // the same create again: already recorded, so it cannot even be compared
    changes.apply(eventId, state(id, 5, "replayed", true), false);

    assertThat(row(id)).containsEntry("search_phrase", "renamed");
    assertThat(
            jdbc.sql("select count(*) from processed_event where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void keepsFiltersAndExcludeWords() {
    UUID id = UUID.randomUUID();
    changes.apply(UUID.randomUUID(), state(id, 0, "camera", true), false);
    Map<String, Object> row = row(id);
    assertThat((BigDecimal) row.get("max_price")).isEqualByComparingTo("250.00");
    assertThat(
            jdbc.sql("select array_to_string(exclude_words, ',') from alert_copy where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("broken,parts");
  }

  @Test
  void keepsTheMarketplaceOfTheNewestStateAndEbayUsWhereNoneWasNamed() {
    UUID moved = UUID.randomUUID();
    changes.apply(
        UUID.randomUUID(), onMarketplace(state(moved, 0, "camera", true), "EBAY_DE"), false);
    changes.apply(
        UUID.randomUUID(), onMarketplace(state(moved, 2, "camera", true), "EBAY_FR"), false);
    // a move that came before, delivered late
    changes.apply(
        UUID.randomUUID(), onMarketplace(state(moved, 1, "camera", true), "EBAY_IT"), false);
    UUID older = UUID.randomUUID();
    changes.apply(UUID.randomUUID(), state(older, 0, "camera", true), false);

    assertThat(row(moved)).containsEntry("marketplace", "EBAY_FR");
    assertThat(row(older)).containsEntry("marketplace", "EBAY_US");
  }

  private static AlertState onMarketplace(AlertState s, String marketplace) {
    return new AlertState(
        s.id(),
        s.email(),
        s.searchPhrase(),
        s.frequencyMinutes(),
        s.minPrice(),
        s.maxPrice(),
        s.currency(),
        s.condition(),
        s.buyingOption(),
        s.excludeWords(),
        s.active(),
        s.version(),
        s.createdAt(),
        s.updatedAt(),
        marketplace);
  }

  private Map<String, Object> row(UUID id) {
    return jdbc.sql("select * from alert_copy where id = ?").param(id).query().singleRow();
  }

  static AlertState state(UUID id, long version, String phrase, boolean active) {
    Instant created = Instant.parse("2026-11-01T10:00:00Z");
    return new AlertState(
        id,
        "jane@example.com",
        phrase,
        10,
        null,
        new BigDecimal("250.00"),
        "USD",
        "ANY",
        "ANY",
        List.of("broken", "parts"),
        active,
        version,
        created,
        created.plusSeconds(version));
  }
}
