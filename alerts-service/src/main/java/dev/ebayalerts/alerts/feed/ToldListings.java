package dev.ebayalerts.alerts.feed;

import dev.ebayalerts.alerts.delivery.NoticeListing;
import dev.ebayalerts.alerts.delivery.NoticePayload;
import dev.ebayalerts.alerts.delivery.PriceDetails;
import dev.ebayalerts.alerts.mute.MuteSet;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * The listings an alert told its owner about, newest first, each once in its latest state: a price
 * tracker's list, from the notices the alert keeps (its newest {@value #NOTICES}) and what it
 * remembers of each listing's seller.
 */
@Repository
class ToldListings {

  static final int NOTICES = 100;
  static final int MAX_LISTINGS = 200;

  enum State {
    NEW,
    DROPPED,
    ENDED,
    MUTED
  }

  @Schema(description = "A listing the alert told about, in its latest state")
  record Listing(
      String itemId,
      String title,
      String imageUrl,
      String itemWebUrl,
      BigDecimal price,
      String currency,
      @Schema(description = "Cheapest shipping; null when unknown (never free)")
          BigDecimal shippingCost,
      @Schema(example = "FIXED") String shippingType,
      @Schema(description = "Price plus shipping; null when shipping is unknown")
          BigDecimal totalPrice,
      @Schema(description = "The price before the drop it was told for") BigDecimal previousPrice,
      String seller,
      State state,
      Instant toldAt,
      @Schema(description = "When an auction ends") Instant endsAt) {}

  record Listings(List<Listing> listings) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ToldListings(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  List<Listing> of(UUID alertId, MuteSet muted, State only, Instant now) {
    record Row(Instant createdAt, String payload) {}
    List<Row> rows =
        jdbc.sql(
                "select created_at, payload::text from notice where alert_id = ?"
                    + " order by created_at desc, id limit ?")
            .params(alertId, NOTICES)
            .query((row, n) -> new Row(row.getTimestamp(1).toInstant(), row.getString(2)))
            .list();
    Map<String, String> sellers = new HashMap<>();
    jdbc.sql("select item_id, seller from alert_listing where alert_id = ?")
        .param(alertId)
        .query(
            row -> {
              sellers.put(row.getString(1), row.getString(2));
            });
    Map<String, Listing> latest = new LinkedHashMap<>();
    for (Row row : rows) {
      for (NoticeListing told : json.readValue(row.payload(), NoticePayload.class).listings()) {
        if (!latest.containsKey(told.itemId())) {
          String seller = sellers.get(told.itemId());
          latest.put(told.itemId(), listing(told, seller, row.createdAt(), muted, now));
        }
      }
    }
    List<Listing> result = new ArrayList<>();
    for (Listing listing : latest.values()) {
      if ((only == null || listing.state() == only) && result.size() < MAX_LISTINGS) {
        result.add(listing);
      }
    }
    return result;
  }

  private static Listing listing(
      NoticeListing told, String seller, Instant toldAt, MuteSet muted, Instant now) {
    PriceDetails details = told.details();
    BigDecimal total = details.shippingIncluded() ? told.price() : details.total(told.price());
    BigDecimal itemPrice =
        details.shippingIncluded() && details.shippingCost() != null
            ? told.price().subtract(details.shippingCost())
            : told.price();
    State state =
        muted.mutes(told.itemId(), seller, told.title())
            ? State.MUTED
            : told.itemEndDate() != null && !told.itemEndDate().isAfter(now)
                ? State.ENDED
                : told.previousPrice() != null ? State.DROPPED : State.NEW;
    return new Listing(
        told.itemId(),
        told.title(),
        told.imageUrl(),
        told.itemWebUrl(),
        itemPrice,
        told.currency(),
        details.shippingCost(),
        details.shippingType(),
        total,
        told.previousPrice(),
        seller,
        state,
        toldAt,
        told.itemEndDate());
  }
}
