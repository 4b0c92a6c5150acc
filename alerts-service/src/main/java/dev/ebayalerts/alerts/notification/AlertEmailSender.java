package dev.ebayalerts.alerts.notification;

import dev.ebayalerts.alerts.account.ManageLinks;
import dev.ebayalerts.alerts.feed.FeedLinks;
import dev.ebayalerts.alerts.notification.EmailQueue.Queued;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends the alert emails that are due, one per transaction: the row stays locked while its email
 * goes out, so another instance skips it, and a failure is recorded on that row alone. A failed
 * attempt is retried after an exponential backoff with jitter; after {@link
 * MailSettings#maxAttempts()} the email is given up and the alert's error says so.
 */
@Component
class AlertEmailSender {

  private static final Logger log = LoggerFactory.getLogger(AlertEmailSender.class);
  private static final int ERROR_LENGTH = 300;

  private enum Outcome {
    NONE_DUE,
    SENT,
    RETRY,
    FAILED,
    CANCELLED
  }

  private final EmailQueue queue;
  private final AlertEmailRenderer renderer;
  private final UnsubscribeLinks links;
  private final ManageLinks manageLinks;
  private final FeedLinks feedLinks;
  private final JavaMailSender mail;
  private final ObjectMapper json;
  private final MailSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final InternetAddress from;
  private final String messageIdHost;
  private final Counter sent;
  private final Counter retried;
  private final Counter failed;

  AlertEmailSender(
      EmailQueue queue,
      AlertEmailRenderer renderer,
      UnsubscribeLinks links,
      ManageLinks manageLinks,
      FeedLinks feedLinks,
      JavaMailSender mail,
      ObjectMapper json,
      MailSettings settings,
      PlatformTransactionManager transactionManager,
      Clock clock,
      MeterRegistry meters) {
    this.queue = queue;
    this.renderer = renderer;
    this.links = links;
    this.manageLinks = manageLinks;
    this.feedLinks = feedLinks;
    this.mail = mail;
    this.json = json;
    this.settings = settings;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.from = address(settings.from());
    this.messageIdHost = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
    this.sent =
        Counter.builder("alerts.emails.sent")
            .description("Alert emails the mail server accepted")
            .register(meters);
    this.retried = failures(meters, false);
    this.failed = failures(meters, true);
    Gauge.builder("alerts.emails.pending", queue::pending)
        .description("Alert emails waiting to be sent")
        .register(meters);
  }

  @Scheduled(
      initialDelayString = "${alerts.mail.poll-interval:5s}",
      fixedDelayString = "${alerts.mail.poll-interval:5s}")
  void sendDue() {
    for (int i = 0; i < settings.batchSize(); i++) {
      Outcome outcome;
      try {
        outcome = transactions.execute(status -> sendNext());
      } catch (DataAccessException | TransactionException e) {
        log.warn("Could not send alert emails, trying again at the next poll: {}", e.getMessage());
        return;
      }
      switch (outcome) {
        case SENT -> sent.increment();
        case RETRY -> retried.increment();
        case FAILED -> failed.increment();
        default -> {}
      }
      // After a failure the rest waits for the next poll: when the mail server is down, each
      // attempt could take the full connection timeout, and this thread is shared by all jobs.
      if (outcome == Outcome.NONE_DUE || outcome == Outcome.RETRY || outcome == Outcome.FAILED) {
        return;
      }
    }
  }

  private Outcome sendNext() {
    Instant now = clock.instant();
    Queued email = queue.lockNextDue(now).orElse(null);
    if (email == null) {
      return Outcome.NONE_DUE;
    }
    if (!email.alertActive()) {
      // Unsubscribed (or paused) after the email was decided: it must not arrive anyway.
      queue.cancel(email);
      return Outcome.CANCELLED;
    }
    if (!email.recipientConfirmed()) {
      // Double opt-in: nothing but the confirmation email goes to an unconfirmed address.
      queue.cancel(email, "Not sent: the address is not confirmed");
      return Outcome.CANCELLED;
    }
    try {
      mail.send(compose(email, now));
    } catch (RuntimeException | MessagingException e) {
      return recordFailure(email, e, now);
    }
    queue.markSent(email, now);
    log.debug("Sent alert email {} for alert {}", email.id(), email.alertId());
    return Outcome.SENT;
  }

  private MimeMessage compose(Queued email, Instant now) throws MessagingException {
    AlertEmail content = json.readValue(email.payload(), AlertEmail.class);
    String unsubscribeUrl = links.urlFor(email.alertId());
    AlertEmailRenderer.Rendered rendered =
        renderer.render(
            content,
            unsubscribeUrl,
            manageLinks.dashboardUrl(),
            feedLinks.urlFor(email.alertId()).orElse(null));

    MimeMessage message = mail.createMimeMessage();
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.recipient(), true));
    message.setSubject(rendered.subject(), "UTF-8");
    message.setSentDate(Date.from(now));
    // The same Message-ID on every attempt: if the process dies after the mail server accepted the
    // email but before SENT was committed, the email goes out again, and mail clients that
    // de-duplicate on Message-ID show it once. (Spring's JavaMailSenderImpl keeps a Message-ID
    // that is set explicitly.)
    message.setHeader("Message-ID", "<" + email.id() + "@" + messageIdHost + ">");
    // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link.
    message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
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

  private Outcome recordFailure(Queued email, Exception failure, Instant now) {
    String error = describe(failure);
    int attempts = email.attempts() + 1;
    if (attempts >= settings.maxAttempts()) {
      log.warn(
          "Giving up alert email {} for alert {} after {} attempts: {}",
          email.id(),
          email.alertId(),
          attempts,
          error);
      queue.markFailed(email, error, reason(failure));
      return Outcome.FAILED;
    }
    Instant next = now.plus(backoff(settings.backoff(), settings.maxBackoff(), attempts));
    log.info(
        "Alert email {} not sent (attempt {} of {}), next attempt at {}: {}",
        email.id(),
        attempts,
        settings.maxAttempts(),
        next,
        error);
    queue.markForRetry(email, error, next);
    return Outcome.RETRY;
  }

  /**
   * {@code first * 2^(failures - 1)}, capped at {@code max}, of which a random half is waited less:
   * instances retrying after the same outage spread out instead of arriving at once.
   */
  static Duration backoff(Duration first, Duration max, int failures) {
    long delay = Math.min(max.toMillis(), first.toMillis() << Math.min(failures - 1, 20));
    return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
  }

  /** One line for the row and the alert: what failed, and the root cause if it says more. */
  static String describe(Exception e) {
    String text = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
    Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
    if (root != e) {
      text += " (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
    }
    return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
  }

  /**
   * Why, in words for the alert's owner: the alert's error is shown by the API, which never shows
   * class names or server internals.
   */
  static String reason(Exception e) {
    List<Throwable> causes = causes(e, new ArrayList<>());
    if (causes.stream().anyMatch(AlertEmailSender::refusedAddress)) {
      return "the address was refused";
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

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  private static InternetAddress address(String text) {
    try {
      InternetAddress address = new InternetAddress(text, true);
      if (address.getAddress().indexOf('@') < 0) {
        throw new AddressException("has no domain", text);
      }
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "alerts.mail.from must be an email address such as 'ebay-alerts <alerts@example.com>': "
              + e.getMessage(),
          e);
    }
  }

  private static Counter failures(MeterRegistry meters, boolean isFinal) {
    return Counter.builder("alerts.emails.failed")
        .description("Failed attempts to send an alert email; final=true when it was given up")
        .tag("final", String.valueOf(isFinal))
        .register(meters);
  }
}
