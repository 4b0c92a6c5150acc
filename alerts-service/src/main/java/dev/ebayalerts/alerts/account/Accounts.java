package dev.ebayalerts.alerts.account;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What the rest of the service asks of accounts: consent of an address to receive email. */
@Service
public class Accounts {

  private final Subscribers subscribers;
  private final SignedTokens tokens;
  private final AccountMails mails;
  private final ManageLinks links;
  private final SecuritySettings settings;
  private final Clock clock;

  Accounts(
      Subscribers subscribers,
      SignedTokens tokens,
      AccountMails mails,
      ManageLinks links,
      SecuritySettings settings,
      Clock clock) {
    this.subscribers = subscribers;
    this.tokens = tokens;
    this.mails = mails;
    this.links = links;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Asks the address's owner to start an alert created without a session: an email showing the
   * alert with a link that starts it (and confirms the address). Nothing else reaches the address
   * until the owner clicks.
   */
  public void askToStart(UUID alertId, String email, String searchPhrase, String summary) {
    String token =
        tokens.issue(
            SignedTokens.START,
            alertId.toString(),
            clock.instant().plus(settings.confirmationLinkTtl()));
    mails.sendStartRequest(email, searchPhrase, summary, links.startUrl(token));
  }

  /** The alert a start link was made for, if this service made it and it has not expired. */
  public Optional<UUID> alertToStart(String token) {
    return tokens
        .verify(SignedTokens.START, token, clock.instant())
        .flatMap(
            id -> {
              try {
                return Optional.of(UUID.fromString(id));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }

  /** The owner of the address showed it is theirs (by starting an alert from its email). */
  public void confirm(String email) {
    subscribers.confirm(email, clock.instant());
  }

  public boolean isConfirmed(String email) {
    return subscribers.isConfirmed(email);
  }
}
