package dev.ebayalerts.analytics.insight;

import java.math.BigDecimal;

/**
 * A listing priced {@code belowMedianPercent} percent below the window's median.
 *
 * @param reason why the listing is not counted as a deal, null for a deal: {@link
 *     #FAR_BELOW_TYPICAL} for one priced below the alert's lower fence (see {@link
 *     Insights#FIGURES})
 */
public record Deal(
    String itemId,
    String title,
    String itemWebUrl,
    BigDecimal price,
    BigDecimal belowMedianPercent,
    String reason) {

  /** The reason a listing is far cheaper than a real deal would be. */
  public static final String FAR_BELOW_TYPICAL = "far below typical: check it is the item";
}
