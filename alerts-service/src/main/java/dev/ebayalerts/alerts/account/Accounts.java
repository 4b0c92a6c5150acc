package dev.ebayalerts.alerts.account;

import java.time.Clock;
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
   * An alert was created for this address: an unconfirmed address gets a confirmation email, at
   * most once per {@link SecuritySettings#confirmationResendAfter()}.
   */
  public void alertCreatedFor(String email) {
    var now = clock.instant();
    if (subscribers.claimConfirmationEmail(email, now, settings.confirmationResendAfter())) {
      String token =
          tokens.issue(SignedTokens.CONFIRM, email, now.plus(settings.confirmationLinkTtl()));
      mails.sendConfirmation(email, links.confirmUrl(token));
    }
  }

  public boolean isConfirmed(String email) {
    return subscribers.isConfirmed(email);
  }
}
