package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.ebay.Marketplace;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Generated;

/** A saved eBay search whose new and cheaper listings are emailed to its owner. */
@Entity
@Table(name = "alert")
@DynamicUpdate
class Alert {

  @Id private UUID id;

  private String email;

  private String searchPhrase;

  private int frequencyMinutes;

  private BigDecimal minPrice;

  private BigDecimal maxPrice;

  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(name = "item_condition")
  private ItemCondition condition;

  @Enumerated(EnumType.STRING)
  private BuyingOption buyingOption;

  @Enumerated(EnumType.STRING)
  private Marketplace marketplace;

  @Enumerated(EnumType.STRING)
  private PriceBasis priceBasis;

  private String shipToCountry;

  private String shipToPostalCode;

  private boolean freeShippingOnly;

  private boolean returnsAccepted;

  private String itemLocationCountry;

  @Convert(converter = WordListConverter.class)
  private List<String> categoryIds;

  @Convert(converter = WordListConverter.class)
  private List<String> excludedCategoryIds;

  @Convert(converter = WordListConverter.class)
  private List<String> sellers;

  @Convert(converter = WordListConverter.class)
  private List<String> excludedSellers;

  private Integer minSellerFeedbackScore;

  private BigDecimal minSellerFeedbackPercent;

  private Integer minBids;

  private Integer maxBids;

  @Convert(converter = WordListConverter.class)
  private List<String> excludeWords;

  private BigDecimal minDropPercent;

  private boolean active;

  /** Created without a session: waits for its owner to start it from the emailed link. */
  private boolean pending;

  // Notice rules (see NoticeRules): flat columns, read back as one record.
  private boolean notifyNewListings;

  private boolean notifyPriceDrops;

  private BigDecimal targetPrice;

  private Integer endingSoonMinutes;

  private LocalTime quietStart;

  private LocalTime quietEnd;

  private String timeZone;

  private Integer maxNoticesPerDay;

  /** Alerts with the same key run the same eBay search and share one fetch. */
  private String searchKey;

  /** When the scheduler runs the alert next; reset by a change that affects the schedule. */
  private Instant nextRunAt;

  // Written by the scheduler with plain SQL, read here for the alert's status.
  @Column(insertable = false, updatable = false)
  private Instant lastRunAt;

  @Column(insertable = false, updatable = false)
  private Instant lastEmailAt;

  @Column(insertable = false, updatable = false)
  private String lastError;

  @Column(insertable = false, updatable = false)
  private String lastWarning;

  /** The secret of the alert's feed URL: made by the database, replaced only by the feed. */
  @Generated
  @Column(insertable = false, updatable = false)
  private String feedToken;

  /** Null until persisted: tells Spring Data a new alert is new (its id is set before). */
  @Version private Long version;

  private Instant createdAt;

  private Instant updatedAt;

  protected Alert() {}

  private static final WordListConverter WORDS = new WordListConverter();

  /**
   * An alert read with plain SQL ({@code select a.*}), for answers that only show it: no entity
   * manager, no persistence context, no query translation. Never saved back.
   */
  static Alert fromRow(ResultSet rs) throws SQLException {
    Alert a = new Alert();
    a.id = rs.getObject("id", UUID.class);
    a.email = rs.getString("email");
    a.searchPhrase = rs.getString("search_phrase");
    a.frequencyMinutes = rs.getInt("frequency_minutes");
    a.minPrice = rs.getBigDecimal("min_price");
    a.maxPrice = rs.getBigDecimal("max_price");
    a.currency = rs.getString("currency");
    a.condition = ItemCondition.valueOf(rs.getString("item_condition"));
    a.buyingOption = BuyingOption.valueOf(rs.getString("buying_option"));
    a.marketplace = Marketplace.valueOf(rs.getString("marketplace"));
    a.priceBasis = PriceBasis.valueOf(rs.getString("price_basis"));
    a.shipToCountry = rs.getString("ship_to_country");
    a.shipToPostalCode = rs.getString("ship_to_postal_code");
    a.freeShippingOnly = rs.getBoolean("free_shipping_only");
    a.returnsAccepted = rs.getBoolean("returns_accepted");
    a.itemLocationCountry = rs.getString("item_location_country");
    a.categoryIds = WORDS.convertToEntityAttribute(rs.getString("category_ids"));
    a.excludedCategoryIds = WORDS.convertToEntityAttribute(rs.getString("excluded_category_ids"));
    a.sellers = WORDS.convertToEntityAttribute(rs.getString("sellers"));
    a.excludedSellers = WORDS.convertToEntityAttribute(rs.getString("excluded_sellers"));
    a.minSellerFeedbackScore = rs.getObject("min_seller_feedback_score", Integer.class);
    a.minSellerFeedbackPercent = rs.getBigDecimal("min_seller_feedback_percent");
    a.minBids = rs.getObject("min_bids", Integer.class);
    a.maxBids = rs.getObject("max_bids", Integer.class);
    a.excludeWords = WORDS.convertToEntityAttribute(rs.getString("exclude_words"));
    a.minDropPercent = rs.getBigDecimal("min_drop_percent");
    a.active = rs.getBoolean("active");
    a.pending = rs.getBoolean("pending");
    a.notifyNewListings = rs.getBoolean("notify_new_listings");
    a.notifyPriceDrops = rs.getBoolean("notify_price_drops");
    a.targetPrice = rs.getBigDecimal("target_price");
    a.endingSoonMinutes = rs.getObject("ending_soon_minutes", Integer.class);
    a.quietStart = rs.getObject("quiet_start", LocalTime.class);
    a.quietEnd = rs.getObject("quiet_end", LocalTime.class);
    a.timeZone = rs.getString("time_zone");
    a.maxNoticesPerDay = rs.getObject("max_notices_per_day", Integer.class);
    a.searchKey = rs.getString("search_key");
    a.nextRunAt = instant(rs, "next_run_at");
    a.lastRunAt = instant(rs, "last_run_at");
    a.lastEmailAt = instant(rs, "last_email_at");
    a.lastError = rs.getString("last_error");
    a.lastWarning = rs.getString("last_warning");
    a.feedToken = rs.getString("feed_token");
    a.version = rs.getLong("version");
    a.createdAt = instant(rs, "created_at");
    a.updatedAt = instant(rs, "updated_at");
    return a;
  }

  /**
   * Inserts a new alert with plain SQL, answering the row as stored ({@code returning *}: its feed
   * token and version come from the database, as {@link #fromRow} reads them) and whether its
   * address is confirmed ({@code address_confirmed}, for the response). Creating an alert is the
   * API's busiest write: persisting and flushing the entity, and asking about the address in a
   * statement of its own, cost more than this statement.
   */
  static final String INSERT =
      """
      insert into alert (id, email, search_phrase, frequency_minutes, min_price, max_price,
          currency, item_condition, buying_option, marketplace, price_basis, ship_to_country,
          ship_to_postal_code, free_shipping_only, returns_accepted, item_location_country,
          category_ids, excluded_category_ids, sellers, excluded_sellers,
          min_seller_feedback_score, min_seller_feedback_percent, min_bids, max_bids,
          exclude_words, min_drop_percent, active, pending, notify_new_listings,
          notify_price_drops, target_price, ending_soon_minutes, quiet_start, quiet_end,
          time_zone, max_notices_per_day, search_key, next_run_at, version, created_at,
          updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
          ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
      returning *, exists (select 1 from subscriber s where s.email = alert.email
          and s.confirmed_at is not null) as address_confirmed""";

  /** The values of {@link #INSERT}, in its order. */
  Object[] insertValues() {
    return new Object[] {
      id,
      email,
      searchPhrase,
      frequencyMinutes,
      minPrice,
      maxPrice,
      currency,
      condition.name(),
      buyingOption.name(),
      marketplace.name(),
      priceBasis.name(),
      shipToCountry,
      shipToPostalCode,
      freeShippingOnly,
      returnsAccepted,
      itemLocationCountry,
      WORDS.convertToDatabaseColumn(categoryIds),
      WORDS.convertToDatabaseColumn(excludedCategoryIds),
      WORDS.convertToDatabaseColumn(sellers),
      WORDS.convertToDatabaseColumn(excludedSellers),
      minSellerFeedbackScore,
      minSellerFeedbackPercent,
      minBids,
      maxBids,
      WORDS.convertToDatabaseColumn(excludeWords),
      minDropPercent,
      active,
      pending,
      notifyNewListings,
      notifyPriceDrops,
      targetPrice,
      endingSoonMinutes,
      quietStart,
      quietEnd,
      timeZone,
      maxNoticesPerDay,
      searchKey,
      timestamp(nextRunAt),
      timestamp(createdAt),
      timestamp(updatedAt)
    };
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  Alert(UUID id, AlertRequest request, Instant now) {
    this.id = id;
    this.createdAt = now;
    apply(request, now);
  }

  void apply(AlertRequest request, Instant now) {
    boolean reschedule =
        nextRunAt == null
            || (request.active() && !active)
            || request.frequencyMinutes() != frequencyMinutes
            || !SearchKey.of(request).equals(searchKey);
    this.email = request.email();
    this.searchPhrase = request.searchPhrase();
    this.frequencyMinutes = request.frequencyMinutes();
    this.minPrice = request.minPrice();
    this.maxPrice = request.maxPrice();
    this.currency = request.currency();
    this.condition = request.condition();
    this.buyingOption = request.buyingOption();
    this.marketplace = request.marketplace();
    this.priceBasis = request.priceBasis();
    this.shipToCountry = request.shipToCountry();
    this.shipToPostalCode = request.shipToPostalCode();
    this.freeShippingOnly = request.freeShippingOnly();
    this.returnsAccepted = request.returnsAccepted();
    this.itemLocationCountry = request.itemLocationCountry();
    this.categoryIds = List.copyOf(request.categoryIds());
    this.excludedCategoryIds = List.copyOf(request.excludedCategoryIds());
    this.sellers = List.copyOf(request.sellers());
    this.excludedSellers = List.copyOf(request.excludedSellers());
    this.minSellerFeedbackScore = request.minSellerFeedbackScore();
    this.minSellerFeedbackPercent = request.minSellerFeedbackPercent();
    this.minBids = request.minBids();
    this.maxBids = request.maxBids();
    this.excludeWords = List.copyOf(request.excludeWords());
    this.minDropPercent = request.minDropPercent();
    this.active = request.active();
    NoticeRules rules = request.rules();
    this.notifyNewListings = rules.newListings();
    this.notifyPriceDrops = rules.priceDrops();
    this.targetPrice = rules.targetPrice();
    this.endingSoonMinutes = rules.endingSoonMinutes();
    this.quietStart = rules.quietStart();
    this.quietEnd = rules.quietEnd();
    this.timeZone = rules.timeZone();
    this.maxNoticesPerDay = rules.maxPerDay();
    this.searchKey = SearchKey.of(request);
    this.updatedAt = now;
    if (reschedule) {
      // Soon, not at once: a burst of new alerts spreads over half a minute instead of one tick.
      this.nextRunAt = now.plusMillis(ThreadLocalRandom.current().nextLong(FIRST_RUN_SPREAD_MS));
    }
  }

  private static final long FIRST_RUN_SPREAD_MS = 30_000;

  /** Makes it wait for its owner's consent: nothing runs or is sent until {@link #start}. */
  void holdForConsent() {
    this.pending = true;
  }

  /**
   * Its owner's consent: it runs from now on (soon, like a new alert).
   *
   * @return false if it was started already
   */
  boolean start(Instant now) {
    if (!pending) {
      return false;
    }
    this.pending = false;
    this.updatedAt = now;
    this.nextRunAt = now.plusMillis(ThreadLocalRandom.current().nextLong(FIRST_RUN_SPREAD_MS));
    return true;
  }

  boolean isPending() {
    return pending;
  }

  UUID getId() {
    return id;
  }

  String getEmail() {
    return email;
  }

  String getSearchPhrase() {
    return searchPhrase;
  }

  int getFrequencyMinutes() {
    return frequencyMinutes;
  }

  BigDecimal getMinPrice() {
    return minPrice;
  }

  BigDecimal getMaxPrice() {
    return maxPrice;
  }

  String getCurrency() {
    return currency;
  }

  ItemCondition getCondition() {
    return condition;
  }

  BuyingOption getBuyingOption() {
    return buyingOption;
  }

  List<String> getExcludeWords() {
    return excludeWords;
  }

  Marketplace getMarketplace() {
    return marketplace;
  }

  PriceBasis getPriceBasis() {
    return priceBasis;
  }

  String getShipToCountry() {
    return shipToCountry;
  }

  String getShipToPostalCode() {
    return shipToPostalCode;
  }

  boolean isFreeShippingOnly() {
    return freeShippingOnly;
  }

  boolean isReturnsAccepted() {
    return returnsAccepted;
  }

  String getItemLocationCountry() {
    return itemLocationCountry;
  }

  List<String> getCategoryIds() {
    return categoryIds;
  }

  List<String> getExcludedCategoryIds() {
    return excludedCategoryIds;
  }

  List<String> getSellers() {
    return sellers;
  }

  List<String> getExcludedSellers() {
    return excludedSellers;
  }

  Integer getMinSellerFeedbackScore() {
    return minSellerFeedbackScore;
  }

  BigDecimal getMinSellerFeedbackPercent() {
    return minSellerFeedbackPercent;
  }

  Integer getMinBids() {
    return minBids;
  }

  Integer getMaxBids() {
    return maxBids;
  }

  BigDecimal getMinDropPercent() {
    return minDropPercent;
  }

  NoticeRules getRules() {
    return new NoticeRules(
        notifyNewListings,
        notifyPriceDrops,
        targetPrice,
        endingSoonMinutes,
        quietStart,
        quietEnd,
        timeZone,
        maxNoticesPerDay);
  }

  String getSearchKey() {
    return searchKey;
  }

  Instant getNextRunAt() {
    return nextRunAt;
  }

  Instant getLastRunAt() {
    return lastRunAt;
  }

  Instant getLastEmailAt() {
    return lastEmailAt;
  }

  String getLastError() {
    return lastError;
  }

  String getLastWarning() {
    return lastWarning;
  }

  boolean isActive() {
    return active;
  }

  String getFeedToken() {
    return feedToken;
  }

  long getVersion() {
    return version == null ? 0 : version;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }
}
