package dev.ebayalerts.ebaymock.faults;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Faults the search endpoint injects. Counts say how many of the next searches get the fault;
 * {@value #ALWAYS} means every search until the faults are changed.
 *
 * @param latencyMs added delay before every search answer
 * @param expiredTokenCount searches answered 401 (errorId 1001) as if the token had expired; every
 *     token issued so far is invalidated too, as eBay would after expiry
 * @param rateLimitCount searches answered 429 (errorId 2001) with a {@code Retry-After} header
 * @param retryAfterSeconds the {@code Retry-After} value sent with 429 answers
 * @param serverErrorCount searches answered 500 (errorId 12000)
 * @param malformedCount searches answered 200 with a truncated JSON body
 * @param incompleteItemsEvery when above 0, in every run of this many items the first is sent
 *     without {@code price} and {@code currentBidPrice} and the second without images
 */
public record FaultSettings(
    @DefaultValue("0") @Min(0) long latencyMs,
    @DefaultValue("0") @Min(ALWAYS) int expiredTokenCount,
    @DefaultValue("0") @Min(ALWAYS) int rateLimitCount,
    @DefaultValue("1") @Min(0) int retryAfterSeconds,
    @DefaultValue("0") @Min(ALWAYS) int serverErrorCount,
    @DefaultValue("0") @Min(ALWAYS) int malformedCount,
    @DefaultValue("0") @Min(0) int incompleteItemsEvery) {

  /** The count meaning "every search". */
  public static final int ALWAYS = -1;

  /** No faults at all. */
  public static FaultSettings none() {
    return new FaultSettings(0, 0, 0, 1, 0, 0, 0);
  }
}
