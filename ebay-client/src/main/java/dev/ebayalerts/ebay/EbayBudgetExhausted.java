package dev.ebayalerts.ebay;

import java.time.Instant;

/**
 * The daily Browse API call budget is used up: no call was made. Defer the work until {@link
 * #resetsAt()}.
 */
public final class EbayBudgetExhausted extends EbayException {

  private final long dailyBudget;
  private final Instant resetsAt;

  private EbayBudgetExhausted(long dailyBudget, Instant resetsAt) {
    super(
        "The daily budget of %d eBay calls is used up; it resets at %s"
            .formatted(dailyBudget, resetsAt),
        null);
    this.dailyBudget = dailyBudget;
    this.resetsAt = resetsAt;
  }

  static EbayBudgetExhausted of(long dailyBudget, Instant resetsAt) {
    return new EbayBudgetExhausted(dailyBudget, resetsAt);
  }

  public long dailyBudget() {
    return dailyBudget;
  }

  /** When the budget starts again: the next midnight UTC. */
  public Instant resetsAt() {
    return resetsAt;
  }
}
