package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.account.MailSettings;
import dev.ebayalerts.alerts.account.ManageLinks;
import dev.ebayalerts.alerts.alert.FeedLinks;
import dev.ebayalerts.alerts.channel.ChannelType;
import dev.ebayalerts.alerts.mute.MuteLinks;
import dev.ebayalerts.pubsub.links.UnsubscribeLinks;
import dev.ebayalerts.pubsub.mail.OutgoingMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The EMAIL channel: an HTML and text alert email to the alert's address, with one-click
 * unsubscribe headers and a Message-ID that is the same on every attempt. The mail server's
 * timeouts ({@code spring.mail.properties.mail.smtp.*timeout}) bound each attempt.
 */
@Component
class EmailChannel implements ChannelSender {

  private final AlertEmailRenderer renderer;
  private final UnsubscribeLinks links;
  private final ManageLinks manageLinks;
  private final FeedLinks feedLinks;
  private final MuteLinks muteLinks;
  private final JavaMailSender mail;
  private final InternetAddress from;
  private final String messageIdHost;

  EmailChannel(
      AlertEmailRenderer renderer,
      UnsubscribeLinks links,
      ManageLinks manageLinks,
      FeedLinks feedLinks,
      MuteLinks muteLinks,
      JavaMailSender mail,
      MailSettings settings) {
    this.renderer = renderer;
    this.links = links;
    this.manageLinks = manageLinks;
    this.feedLinks = feedLinks;
    this.muteLinks = muteLinks;
    this.mail = mail;
    this.from = OutgoingMail.sender(settings.from(), "alerts.mail.from");
    this.messageIdHost = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
  }

  @Override
  public ChannelType type() {
    return ChannelType.EMAIL;
  }

  @Override
  public void send(Delivery delivery, NoticePayload payload, Instant now) throws DeliveryFailed {
    try {
      mail.send(compose(delivery, payload, now));
    } catch (RuntimeException | MessagingException e) {
      String reason = reason(e);
      // A refused address stays refused however soon it is tried again: parked at once.
      throw reason.equals(REFUSED)
          ? DeliveryFailed.permanent(OutgoingMail.describe(e), reason)
          : DeliveryFailed.transientFailure(OutgoingMail.describe(e), reason);
    }
  }

  /**
   * Sends a digest: one email for the address, grouped by alert. Its List-Unsubscribe header points
   * to where the address manages its alerts and schedule (a digest is not one alert's to pause),
   * without RFC 8058's one-click POST, which that page does not take; each group in the body keeps
   * its alert's one-click unsubscribe link.
   */
  void sendDigest(Delivery delivery, DigestPayload digest, Instant now) throws DeliveryFailed {
    try {
      String manageUrl = manageLinks.dashboardUrl();
      AlertEmailRenderer.Rendered rendered =
          renderer.renderDigest(
              digest,
              links::urlFor,
              manageUrl,
              (alertId, listing) ->
                  muteLinks.forListing(delivery.recipient(), alertId, listing.itemId()));
      MimeMessage message = message(delivery, rendered, now);
      message.setHeader("List-Unsubscribe", "<" + manageUrl + ">");
      mail.send(message);
    } catch (RuntimeException | MessagingException e) {
      String reason = reason(e);
      throw reason.equals(REFUSED)
          ? DeliveryFailed.permanent(OutgoingMail.describe(e), reason)
          : DeliveryFailed.transientFailure(OutgoingMail.describe(e), reason);
    }
  }

  private MimeMessage compose(Delivery delivery, NoticePayload content, Instant now)
      throws MessagingException {
    String unsubscribeUrl = links.urlFor(delivery.alertId());
    AlertEmailRenderer.Rendered rendered =
        renderer.render(
            content,
            unsubscribeUrl,
            manageLinks.dashboardUrl(),
            feedLinks.urlFor(delivery.alertId()).orElse(null),
            listing ->
                muteLinks.forListing(delivery.recipient(), delivery.alertId(), listing.itemId()));
    MimeMessage message = message(delivery, rendered, now);
    // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link.
    message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    return message;
  }

  private MimeMessage message(Delivery delivery, AlertEmailRenderer.Rendered rendered, Instant now)
      throws MessagingException {
    MimeMessage message = mail.createMimeMessage();
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(delivery.recipient(), true));
    message.setSubject(rendered.subject(), "UTF-8");
    message.setSentDate(Date.from(now));
    // The same Message-ID on every attempt: if the process dies after the mail server accepted the
    // email but before SENT was committed, the email goes out again, and mail clients that
    // de-duplicate on Message-ID show it once. (Spring's JavaMailSenderImpl keeps a Message-ID
    // that is set explicitly.)
    message.setHeader("Message-ID", "<" + delivery.id() + "@" + messageIdHost + ">");
    // RFC 3834: no auto-replies (out of office) to an automatic email.
    message.setHeader("Auto-Submitted", "auto-generated");

    MimeBodyPart text = new MimeBodyPart();
    text.setText(rendered.text(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(rendered.html(), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative"); // the last part is preferred
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    return message;
  }

  private static final String REFUSED = "the address was refused";

  /**
   * Why, in words for the alert's owner: the alert's error is shown by the API, which never shows
   * class names or server internals.
   */
  static String reason(Exception e) {
    List<Throwable> causes = causes(e, new ArrayList<>());
    if (causes.stream().anyMatch(EmailChannel::refusedAddress)) {
      return REFUSED;
    }
    if (causes.stream().anyMatch(MailAuthenticationException.class::isInstance)) {
      return "the mail server refused to let this service sign in";
    }
    if (causes.stream()
        .anyMatch(c -> c instanceof ConnectException || c instanceof SocketTimeoutException)) {
      return "the mail server could not be reached";
    }
    if (causes.stream()
        .anyMatch(c -> c instanceof MailException || c instanceof MessagingException)) {
      return "the mail server did not accept the email";
    }
    return "the email could not be prepared";
  }

  /** The exception's causes, and those of each message a {@link MailSendException} lists. */
  private static List<Throwable> causes(Throwable e, List<Throwable> into) {
    for (Throwable cause = e; cause != null && !into.contains(cause); cause = cause.getCause()) {
      into.add(cause);
      if (cause instanceof MailSendException send) {
        for (Exception message : send.getMessageExceptions()) {
          causes(message, into);
        }
      }
    }
    return into;
  }

  private static boolean refusedAddress(Throwable e) {
    return e instanceof AddressException
        || (e instanceof SendFailedException failed
            && failed.getInvalidAddresses() != null
            && failed.getInvalidAddresses().length > 0);
  }
}
