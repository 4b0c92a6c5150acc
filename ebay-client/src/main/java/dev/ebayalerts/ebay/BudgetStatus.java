package dev.ebayalerts.ebay;

import java.time.Instant;

/**
 * Today's use of the daily Browse API call budget, shared by all instances.
 *
 * @param used calls made today (UTC)
 * @param limit the configured daily budget ({@code ebay.daily-call-budget})
 * @param resetsAt the start of the next UTC day, when the count starts again
 */
public record BudgetStatus(long used, long limit, Instant resetsAt) {

  /** Calls left today. */
  public long remaining() {
    return Math.max(0, limit - used);
  }

  public boolean isExhausted() {
    return remaining() == 0;
  }
}
