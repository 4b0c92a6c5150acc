package dev.ebayalerts.alerts.notifier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends the outbox's due notices, one per transaction: the row stays locked while its request goes
 * out, so another instance skips it, and it is marked SENT only once the channel answered 2xx. A
 * failure backs the whole channel off exponentially (with jitter); after {@link
 * NotifierSettings#maxFailures()} failures in a row the channel is disabled with a reason its owner
 * sees, and its notices wait until it is enabled again.
 *
 * <p>A process that dies after the channel took a notice but before SENT was committed sends it
 * again: the generic webhook carries the notice id (body {@code id}, header {@code X-Notice-Id})
 * for receivers to de-duplicate on, as mail clients do with the email's Message-ID.
 */
@Component
class NoticeSender {

  private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

  private enum Outcome {
    NONE_DUE,
    SENT,
    FAILED,
    CANCELLED
  }

  private final NoticeOutbox outbox;
  private final ChannelMessages messages;
  private final ObjectMapper json;
  private final NotifierSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final HttpClient http;
  private final Counter sent;
  private final Counter failed;

  NoticeSender(
      NoticeOutbox outbox,
      ChannelMessages messages,
      ObjectMapper json,
      NotifierSettings settings,
      PlatformTransactionManager transactionManager,
      Clock clock,
      MeterRegistry meters) {
    this.outbox = outbox;
    this.messages = messages;
    this.json = json;
    this.settings = settings;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.sent =
        Counter.builder("alerts.notices.sent")
            .description("Notices a channel accepted")
            .register(meters);
    this.failed =
        Counter.builder("alerts.notices.failed")
            .description("Failed attempts to deliver a notice")
            .register(meters);
    Gauge.builder("alerts.notices.pending", outbox::pending)
        .description("Notices waiting to be sent")
        .register(meters);
  }

  @Scheduled(
      initialDelayString = "${alerts.notifier.poll-interval:5s}",
      fixedDelayString = "${alerts.notifier.poll-interval:5s}")
  void sendDue() {
    for (int i = 0; i < settings.batchSize(); i++) {
      Outcome outcome;
      try {
        outcome = transactions.execute(status -> sendNext());
      } catch (DataAccessException | TransactionException e) {
        log.warn("Could not send notices, trying again at the next poll: {}", e.getMessage());
        return;
      }
      switch (outcome) {
        case SENT -> sent.increment();
        case FAILED -> failed.increment();
        default -> {}
      }
      // A failed channel is backed off as a whole, so the next notice is another channel's.
      if (outcome == Outcome.NONE_DUE) {
        return;
      }
    }
  }

  private Outcome sendNext() {
    Instant now = clock.instant();
    NoticeOutbox.Due notice = outbox.lockNextDue(now).orElse(null);
    if (notice == null) {
      return Outcome.NONE_DUE;
    }
    if (!notice.alertActive()) {
      outbox.cancel(notice, "Not sent: the alert was paused before the notice went out");
      return Outcome.CANCELLED;
    }
    if (!notice.recipientConfirmed()) {
      outbox.cancel(notice, "Not sent: the alert's address is not confirmed");
      return Outcome.CANCELLED;
    }
    HttpResponse<String> response;
    try {
      NoticePayload payload = json.readValue(notice.payload(), NoticePayload.class);
      ChannelMessages.Outgoing outgoing = messages.of(notice, payload, now);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(outgoing.uri())
              .timeout(settings.readTimeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "ebay-alerts")
              .POST(HttpRequest.BodyPublishers.ofString(outgoing.body()));
      outgoing.headers().forEach(request::header);
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | RuntimeException e) {
      return failure(notice, describe(e), null, now);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(notice, "interrupted", null, now);
    }
    if (response.statusCode() / 100 == 2) {
      outbox.markSent(notice, now);
      return Outcome.SENT;
    }
    Duration retryAfter =
        response.statusCode() == 429
            ? response.headers().firstValue("Retry-After").map(NoticeSender::seconds).orElse(null)
            : null;
    return failure(notice, "HTTP " + response.statusCode(), retryAfter, now);
  }

  /**
   * A 429 with Retry-After is the channel asking to slow down: the notice waits as asked, and the
   * channel is not closer to being disabled.
   */
  private Outcome failure(NoticeOutbox.Due notice, String error, Duration retryAfter, Instant now) {
    boolean counts = retryAfter == null;
    int failures = notice.channelFailures() + 1;
    Duration wait =
        counts ? backoff(settings.backoff(), settings.maxBackoff(), failures) : min(retryAfter);
    int inARow = outbox.markFailed(notice, error, now.plus(wait), counts);
    log.info(
        "{} notice {} for alert {} not delivered ({} failure(s) in a row): {}",
        notice.type(),
        notice.id(),
        notice.alertId(),
        inARow,
        error);
    if (counts && inARow >= settings.maxFailures()) {
      log.warn(
          "Disabling {} channel {} after {} failures", notice.type(), notice.channelId(), inARow);
      outbox.disableChannel(
          notice,
          "Disabled after "
              + inARow
              + " failed deliveries in a row (last: "
              + error
              + "). Send the channel again to re-enable it; waiting notices then go out.");
    }
    return Outcome.FAILED;
  }

  private Duration min(Duration retryAfter) {
    return retryAfter.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : retryAfter;
  }

  /**
   * {@code first * 2^(failures - 1)}, capped at {@code max}, of which a random half is waited less.
   */
  static Duration backoff(Duration first, Duration max, int failures) {
    long delay = Math.min(max.toMillis(), first.toMillis() << Math.min(failures - 1, 20));
    return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
  }

  private static Duration seconds(String header) {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(60);
    }
  }

  /** One line for the notice row: what failed, never the URL (it may hold a token). */
  private static String describe(Exception e) {
    String message =
        e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    String text = e.getClass().getSimpleName() + message;
    return text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }
}
