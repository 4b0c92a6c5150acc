package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.account.ManageLinks;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The Atom feed URL of an alert, as its owner sees it in the API and in alert emails. */
@Component
public class FeedLinks {

  private final ManageLinks links;
  private final FeedTokens tokens;

  FeedLinks(ManageLinks links, FeedTokens tokens) {
    this.links = links;
    this.tokens = tokens;
  }

  /** The feed URL for a feed token; null for a null token. */
  public String urlFor(String token) {
    return token == null ? null : links.baseUrl() + "/feeds/" + token + ".atom";
  }

  /** The current feed URL of an alert; empty when no alert has this id. */
  public Optional<String> urlFor(UUID alertId) {
    return tokens.tokenOf(alertId).map(this::urlFor);
  }
}
