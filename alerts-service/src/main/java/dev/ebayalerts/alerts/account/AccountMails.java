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

  void sendStartRequest(String email, String searchPhrase, String summary, String startUrl) {
    send(
        email,
        "Start your eBay alert for \"" + oneLine(searchPhrase) + "\"?",
        """
        Someone (hopefully you) asked for this eBay alert for this address:

        %s

        Start it, and receive its notices from now on:
        %s

        If this was not you, ignore this email: the alert never starts and nothing more is sent
        to you for it.

        Manage your alerts: %s
        """
            .formatted(summary, startUrl, links.dashboardUrl()));
  }

  /** A search phrase in the Subject header stays on one line. */
  private static String oneLine(String text) {
    String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return line.length() <= 60 ? line : line.substring(0, 59) + "…";
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
