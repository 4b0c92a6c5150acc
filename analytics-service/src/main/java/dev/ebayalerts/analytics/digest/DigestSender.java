package dev.ebayalerts.analytics.digest;

import dev.ebayalerts.analytics.digest.DigestQueue.Queued;
import dev.ebayalerts.analytics.digest.InsightDigest.AlertSection;
import dev.ebayalerts.pubsub.links.UnsubscribeLinks;
import dev.ebayalerts.pubsub.mail.OutgoingMail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends the stored digests that are due, each in its own transaction: the row stays locked while
 * its email goes out, so another instance skips it ({@code FOR UPDATE SKIP LOCKED}), and it is
 * marked SENT only once the mail server took it. A failed attempt is retried after an exponential
 * backoff with jitter; after {@link DigestSettings#maxAttempts()} the digest is <em>parked</em>:
 * retried every {@link DigestSettings#parkedRetry()} until it goes out, counted by {@code
 * analytics.digest.parked}. Nothing is given up; a digest is only cancelled when none of its alerts
 * is active any more. The Message-ID is the same on every attempt, so a digest the mail server took
 * just before a crash, sent again, shows once.
 *
 * <p>The loop has the shape and the rules of alerts-service's {@code DeliverySender} (claim, send,
 * mark; the same backoff; park after max attempts, never give up), but is its own code on purpose:
 * the two run in different services on different databases, and share no library for delivery
 * (pubsub-lib carries only the event contracts and their transport; a delivery library both
 * services depend on would couple their release and schema for one small loop). And what is
 * delivered differs: a digest is one email per person, with its own fingerprint deciding whether it
 * is stored at all and at most one unsent per person, where alerts-service sends many messages per
 * alert through channels that fail, back off and recover one by one.
 *
 * <p>Unlike alerts-service's sender, which has its own threads, this runs on the shared scheduling
 * thread, so a poll ends at the first failure: with the mail server down, every attempt could take
 * the full connection timeout.
 */
@Component
class DigestSender {

  private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

  enum Outcome {
    NONE_DUE,
    SENT,
    FAILED,
    PARKED,
    CANCELLED
  }

  private final DigestQueue queue;
  private final DigestRenderer renderer;
  private final UnsubscribeLinks links;
  private final JavaMailSender mail;
  private final ObjectMapper json;
  private final DigestSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final InternetAddress from;
  private final String messageIdHost;
  private final Counter sent;
  private final Counter failed;

  DigestSender(
      DigestQueue queue,
      DigestRenderer renderer,
      UnsubscribeLinks links,
      JavaMailSender mail,
      ObjectMapper json,
      DigestSettings settings,
      PlatformTransactionManager transactionManager,
      Clock clock,
      MeterRegistry meters) {
    this.queue = queue;
    this.renderer = renderer;
    this.links = links;
    this.mail = mail;
    this.json = json;
    this.settings = settings;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.from = OutgoingMail.sender(settings.from(), "analytics.digest.from");
    this.messageIdHost = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
    this.sent =
        Counter.builder("analytics.digest.sent")
            .description("Insight emails the mail server accepted")
            .register(meters);
    this.failed =
        Counter.builder("analytics.digest.failed")
            .description("Failed attempts to send an insight email")
            .register(meters);
    Gauge.builder("analytics.digest.pending", () -> queue.count(DigestQueue.PENDING))
        .description("Insight emails waiting for their first or next quick attempt")
        .register(meters);
    Gauge.builder("analytics.digest.parked", () -> queue.count(DigestQueue.PARKED))
        .description("Insight emails that failed too often and are retried on the slow schedule")
        .register(meters);
  }

  /** Sends what is due, at most a batch; the rest waits for the next poll. */
  @Scheduled(
      initialDelayString = "${analytics.digest.poll-interval:5s}",
      fixedDelayString = "${analytics.digest.poll-interval:5s}")
  void sendDue() {
    try {
      for (int i = 0; i < settings.batchSize(); i++) {
        Outcome outcome = sendNext(clock.instant());
        if (outcome == Outcome.NONE_DUE || outcome == Outcome.FAILED || outcome == Outcome.PARKED) {
          return;
        }
      }
    } catch (DataAccessException | TransactionException e) {
      log.warn("Could not send insight emails, trying again at the next poll: {}", e.getMessage());
    }
  }

  /** Claims and sends the next due digest, in one transaction. */
  Outcome sendNext(Instant now) {
    return transactions.execute(status -> sendNext(queue.lockNextDue(now).orElse(null), now));
  }

  /** Deletes digests that are done with once they are older than {@link DigestSettings#keep()}. */
  @Scheduled(
      initialDelayString = "${analytics.retention-check:1h}",
      fixedDelayString = "${analytics.retention-check:1h}")
  void deleteOld() {
    int deleted = queue.deleteDoneBefore(clock.instant().minus(settings.keep()));
    if (deleted > 0) {
      log.info("Deleted {} insight emails older than {}", deleted, settings.keep());
    }
  }

  private Outcome sendNext(Queued email, Instant now) {
    if (email == null) {
      return Outcome.NONE_DUE;
    }
    try {
      InsightDigest digest = json.readValue(email.payload(), InsightDigest.class);
      // An alert paused (unsubscribed) or deleted since the digest was generated is left out.
      Set<UUID> active =
          queue.stillActive(
              email.recipient(), digest.alerts().stream().map(AlertSection::alertId).toList());
      InsightDigest shown = digest.only(alert -> active.contains(alert.alertId()));
      if (!shown.hasData()) {
        queue.cancel(email);
        return Outcome.CANCELLED;
      }
      mail.send(compose(email, shown, now));
    } catch (DataAccessException e) {
      throw e; // the database, not the email: the whole poll stops and tries again
    } catch (RuntimeException | MessagingException e) {
      return failure(email, OutgoingMail.describe(e), now);
    }
    queue.markSent(email, now);
    sent.increment();
    log.debug("Sent insight email {} to {}", email.id(), email.recipient());
    return Outcome.SENT;
  }

  private MimeMessage compose(Queued email, InsightDigest digest, Instant now)
      throws MessagingException {
    DigestRenderer.Rendered rendered = renderer.render(digest, links::urlFor);

    MimeMessage message = mail.createMimeMessage();
    // multipart/related: the HTML and text alternatives, then the charts the HTML refers to by cid
    MimeMessageHelper helper =
        new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_RELATED, "UTF-8");
    helper.setFrom(from);
    helper.setTo(new InternetAddress(email.recipient(), true));
    helper.setSubject(rendered.subject());
    helper.setSentDate(Date.from(now));
    helper.setText(rendered.text(), rendered.html());
    for (DigestRenderer.Chart chart : rendered.charts()) {
      helper.addInline(chart.contentId(), new ByteArrayResource(chart.png()), "image/png");
    }
    // The same Message-ID on every attempt (Spring's JavaMailSenderImpl keeps one set explicitly).
    message.setHeader("Message-ID", "<insights-" + email.id() + "@" + messageIdHost + ">");
    if (digest.alerts().size() == 1) {
      // RFC 2369 and RFC 8058 one-click unsubscribe. Only for a digest of one alert: the link
      // pauses one alert, and a button that silently kept the others' emails coming would mislead.
      String unsubscribeUrl = links.urlFor(digest.alerts().get(0).alertId());
      message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    // RFC 3834: no auto-replies (out of office) to an automatic email.
    message.setHeader("Auto-Submitted", "auto-generated");
    return message;
  }

  /**
   * Backs the digest off exponentially; one that failed {@code maxAttempts} times is parked: tried
   * again every {@code parkedRetry}, for as long as it takes.
   */
  private Outcome failure(Queued email, String error, Instant now) {
    failed.increment();
    int attempts = email.attempts() + 1;
    boolean park = attempts >= settings.maxAttempts();
    Duration wait =
        park
            ? settings.parkedRetry()
            : backoff(settings.backoff(), settings.maxBackoff(), attempts);
    queue.markFailed(email, error, now.plus(wait), park);
    log.info(
        "Insight email {} to {} not sent (attempt {}){}, next attempt at {}: {}",
        email.id(),
        email.recipient(),
        attempts,
        park ? ", parked" : "",
        now.plus(wait),
        error);
    return park ? Outcome.PARKED : Outcome.FAILED;
  }

  /**
   * {@code first * 2^(failures - 1)}, capped at {@code max}, of which a random half is waited less:
   * instances retrying after the same outage spread out instead of arriving at once.
   */
  static Duration backoff(Duration first, Duration max, int failures) {
    long delay = Math.min(max.toMillis(), first.toMillis() << Math.min(failures - 1, 20));
    return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
  }
}
