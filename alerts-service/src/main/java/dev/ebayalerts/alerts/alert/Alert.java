package dev.ebayalerts.alerts.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A saved eBay search whose new and cheaper listings are emailed to its owner. */
@Entity
@Table(name = "alert")
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

  @Convert(converter = WordListConverter.class)
  private List<String> excludeWords;

  private boolean active;

  @Version private long version;

  private Instant createdAt;

  private Instant updatedAt;

  protected Alert() {}

  Alert(UUID id, AlertRequest request, Instant now) {
    this.id = id;
    this.createdAt = now;
    apply(request, now);
  }

  void apply(AlertRequest request, Instant now) {
    this.email = request.email();
    this.searchPhrase = request.searchPhrase();
    this.frequencyMinutes = request.frequencyMinutes();
    this.minPrice = request.minPrice();
    this.maxPrice = request.maxPrice();
    this.currency = request.currency();
    this.condition = request.condition();
    this.buyingOption = request.buyingOption();
    this.excludeWords = List.copyOf(request.excludeWords());
    this.active = request.active();
    this.updatedAt = now;
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

  boolean isActive() {
    return active;
  }

  long getVersion() {
    return version;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }
}
