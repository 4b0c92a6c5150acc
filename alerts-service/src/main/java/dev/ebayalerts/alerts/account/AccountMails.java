package dev.ebayalerts.alerts.account;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Confirmation and sign-in emails, sent at once (the person is waiting for them) with a few quick
 * attempts. They are not queued: a lost one is asked for again (a new alert, or a new sign-in
 * link), and an old one would be useless anyway once its link expired.
 */
@Component
class AccountMails {

  private static final Logger log = LoggerFactory.getLogger(AccountMails.class);
  private static final int ATTEMPTS = 3;

  private final JavaMailSender mail;
  private final MailSettings mailSettings;
  private final ManageLinks links;

  AccountMails(JavaMailSender mail, MailSettings mailSettings, ManageLinks links) {
    this.mail = mail;
    this.mailSettings = mailSettings;
    this.links = links;
  }

  void sendConfirmation(String email, String confirmUrl) {
    send(
        email,
        "Confirm your address for eBay alerts",
        """
        Someone (hopefully you) created an eBay alert for this address.

        Confirm it to start receiving alert emails:
        %s

        Manage your alerts: %s

        If this was not you, ignore this email: nothing will be sent to you.
        """
            .formatted(confirmUrl, links.dashboardUrl()));
  }

  void sendSignInLink(String email, String signInUrl) {
    send(
        email,
        "Your sign-in link for eBay alerts",
        """
        Sign in to manage your eBay alerts (the link works once, for a short time):
        %s

        If you did not ask for it, ignore this email.
        """
            .formatted(signInUrl));
  }

  private void send(String to, String subject, String text) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(new InternetAddress(mailSettings.from(), true));
        helper.setTo(new InternetAddress(to, true));
        helper.setSubject(subject);
        helper.setText(text);
        message.setHeader("Auto-Submitted", "auto-generated");
        mail.send(message);
        return;
      } catch (MailException | MessagingException e) {
        log.warn(
            "Could not send '{}' (attempt {} of {}): {}",
            subject,
            attempt,
            ATTEMPTS,
            e.getMessage());
      }
    }
  }
}
