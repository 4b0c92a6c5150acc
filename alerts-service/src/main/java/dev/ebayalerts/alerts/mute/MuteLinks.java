package dev.ebayalerts.alerts.mute;

import dev.ebayalerts.pubsub.links.LinkSettings;
import dev.ebayalerts.pubsub.security.SignedTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The one-click feedback links of a told listing: "not interested", "mute seller" and "mute a
 * word". Each is signed for one purpose, one address, one alert and one listing, and lives {@link
 * #LIFETIME}; opening it shows a confirmation page (mail scanners follow links), its button applies
 * it, and applying it twice is one mute.
 */
@Component
public class MuteLinks {

  static final String PURPOSE = "mute";
  static final Duration LIFETIME = Duration.ofDays(90);
  private static final Pattern SUBJECT =
      Pattern.compile("([^|]{1,254})\\|([0-9a-f-]{36})\\|(LISTING|SELLER|WORD|ANY)\\|(.{1,100})");

  /** A link that offers every kind of mute of the listing on its page, for chat messages. */
  private static final String ANY = "ANY";

  private final SignedTokens tokens;
  private final String baseUrl;
  private final Clock clock;

  MuteLinks(LinkSettings settings, Clock clock) {
    this.tokens = new SignedTokens(settings.secret());
    this.baseUrl = settings.baseUrl();
    this.clock = clock;
  }

  /** The three links of one listing in one alert's notice to {@code email}. */
  public record Links(String notInterested, String muteSeller, String muteWord) {}

  public Links forListing(String email, UUID alertId, String itemId) {
    Instant until = clock.instant().plus(LIFETIME);
    return new Links(
        url(email, alertId, MuteKind.LISTING, itemId, until),
        url(email, alertId, MuteKind.SELLER, itemId, until),
        url(email, alertId, MuteKind.WORD, itemId, until));
  }

  /**
   * The same links made the same way every time for a listing told at {@code toldAt}: the Atom
   * feed's bytes (and so its ETag) stay the same as long as its notices do. They expire {@link
   * #LIFETIME} after the notice.
   */
  public Links forListing(String email, UUID alertId, String itemId, Instant toldAt) {
    Instant until = toldAt.plus(LIFETIME);
    return new Links(
        stableUrl(email, alertId, MuteKind.LISTING, itemId, until),
        stableUrl(email, alertId, MuteKind.SELLER, itemId, until),
        stableUrl(email, alertId, MuteKind.WORD, itemId, until));
  }

  private String stableUrl(
      String email, UUID alertId, MuteKind kind, String itemId, Instant until) {
    String subject = email + "|" + alertId + "|" + kind + "|" + itemId;
    // The nonce only makes tokens unique; here the same subject and expiry are the same link.
    String nonce = tokens.issue("mute-nonce", subject, until, "AAAAAAAAAAAAAAAA");
    String stable = nonce.substring(nonce.indexOf('.') + 1, nonce.indexOf('.') + 17);
    return baseUrl + "/mute?token=" + tokens.issue(PURPOSE, subject, until, stable);
  }

  /**
   * One link per listing for chat messages, whose size limits leave no room for three: its page
   * offers "not interested", "mute seller" and "mute a word".
   */
  public String feedbackPage(String email, UUID alertId, String itemId) {
    String subject = email + "|" + alertId + "|" + ANY + "|" + itemId;
    return baseUrl
        + "/mute?token="
        + tokens.issue(PURPOSE, subject, clock.instant().plus(LIFETIME));
  }

  /**
   * What a link asks: mute (a listing, its seller, a word of its title) for an address; {@code
   * kind} null when the page lets its reader choose.
   */
  record Asked(String email, UUID alertId, MuteKind kind, String itemId) {}

  Optional<Asked> read(String token) {
    return tokens
        .verify(PURPOSE, token, clock.instant())
        .map(SUBJECT::matcher)
        .filter(java.util.regex.Matcher::matches)
        .map(
            m ->
                new Asked(
                    m.group(1),
                    UUID.fromString(m.group(2)),
                    ANY.equals(m.group(3)) ? null : MuteKind.valueOf(m.group(3)),
                    m.group(4)));
  }

  private String url(String email, UUID alertId, MuteKind kind, String itemId, Instant until) {
    String subject = email + "|" + alertId + "|" + kind + "|" + itemId;
    return baseUrl + "/mute?token=" + tokens.issue(PURPOSE, subject, until);
  }
}
