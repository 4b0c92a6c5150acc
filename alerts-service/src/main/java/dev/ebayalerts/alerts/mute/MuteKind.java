package dev.ebayalerts.alerts.mute;

/** What a mute silences. */
public enum MuteKind {
  /** One listing of one alert ("not interested"). */
  LISTING,
  /** Every listing of an eBay seller. */
  SELLER,
  /** Every listing whose title holds the word. */
  WORD
}
