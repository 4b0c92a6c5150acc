package dev.ebayalerts.alerts.mute;

import dev.ebayalerts.alerts.alert.AlertControl;
import dev.ebayalerts.alerts.web.InvalidRequest;
import dev.ebayalerts.ebay.SearchRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Mutes as their owner makes them, from the dashboard or a link in a notice: checked, tied to the
 * owner's own alert, and made once however often asked.
 */
@Service
class MuteService {

  private final Mutes mutes;
  private final AlertControl alerts;
  private final Clock clock;

  MuteService(Mutes mutes, AlertControl alerts, Clock clock) {
    this.mutes = mutes;
    this.alerts = alerts;
    this.clock = clock;
  }

  Mutes.Added mute(String email, UUID alertId, MuteKind kind, String rawValue) {
    if (kind == null) {
      throw InvalidRequest.field("kind", "must be one of LISTING, SELLER, WORD");
    }
    String value = rawValue == null ? "" : rawValue.strip();
    if (alertId != null) {
      alerts.owned(alertId, email);
    }
    Mutes.Listing listing = null;
    switch (kind) {
      case LISTING -> {
        if (alertId == null) {
          throw InvalidRequest.field("alertId", "must be given: a listing is muted for its alert");
        }
        listing =
            mutes
                .toldListing(alertId, value)
                .orElseThrow(
                    () ->
                        InvalidRequest.field(
                            "value", "must be the item id of a listing this alert told about"));
      }
      case SELLER -> {
        if (!value.matches(SearchRequest.SELLER_NAME)) {
          throw InvalidRequest.field(
              "value", "must be an eBay user name of 1 to 64 letters, digits, . _ * or -");
        }
        value = value.toLowerCase(Locale.ROOT);
      }
      case WORD -> {
        value = value.toLowerCase(Locale.ROOT);
        if (!value.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]{0,49}")) {
          throw InvalidRequest.field(
              "value", "must be one word of at most 50 letters or digits, without spaces");
        }
      }
    }
    try {
      return mutes.add(email, alertId, kind, value, listing, clock.instant());
    } catch (Mutes.TooManyMutes full) {
      throw InvalidRequest.field(
          "value",
          "cannot be muted: the address keeps at most "
              + Mutes.MAX_PER_ADDRESS
              + " mutes; undo some, or turn them into the alert's filters");
    }
  }
}
