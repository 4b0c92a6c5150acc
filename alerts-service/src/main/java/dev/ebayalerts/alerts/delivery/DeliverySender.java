package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.channel.ChannelType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The one sender loop of the delivery outbox, for every channel type. Each delivery is sent in its
 * own transaction: the row stays locked while it goes out, so another instance skips it, and it is
 * marked SENT only once the channel accepted it. A failure backs the channel off exponentially
 * (with jitter); after {@link DeliverySettings#maxAttempts()} the delivery is <em>parked</em>:
 * retried every {@link DeliverySettings#parkedRetry()} for as long as its channel exists, shown in
 * the alert's status and counted by {@code alerts.deliveries.parked}. Nothing is given up; only
 * what expired (an auction that ended) is dropped, with a reason.
 *
 * <p>Deliveries run on their own bounded threads, never on the shared scheduler thread: an email
 * lane and an HTTP lane, so a slow webhook never delays an email, and the claim takes only a
 * channel's oldest waiting delivery, so one slow channel holds at most one thread.
 *
 * <p>A process that dies after the channel took a message but before SENT was committed sends it
 * again: emails carry a stable Message-ID and webhooks the delivery id ({@code X-Notice-Id}) for
 * receivers to de-duplicate on.
 */
@Component
class DeliverySender implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
  private static final int ERROR_LENGTH = 300;

  enum Outcome {
    NONE_DUE,
    SENT,
    FAILED,
    PARKED,
    CANCELLED,
    DROPPED
  }

  private final DeliveryQueue queue;
  private final EmailChannel emailChannel;
  private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);
  private final ObjectMapper json;
  private final DeliverySettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter dropped;
  private volatile ScheduledExecutorService lanes;

  DeliverySender(
      DeliveryQueue queue,
      List<ChannelSender> senders,
      EmailChannel emailChannel,
      ObjectMapper json,
      DeliverySettings settings,
      PlatformTransactionManager transactionManager,
      Clock clock,
      MeterRegistry meters) {
    this.queue = queue;
    this.emailChannel = emailChannel;
    senders.forEach(sender -> this.senders.put(sender.type(), sender));
    for (ChannelType type : ChannelType.values()) {
      if (!this.senders.containsKey(type)) {
        throw new IllegalStateException("No channel sender for " + type);
      }
    }
    this.json = json;
    this.settings = settings;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.meters = meters;
    this.dropped =
        Counter.builder("alerts.deliveries.dropped")
            .description("Deliveries dropped because they expired (the auction ended)")
            .register(meters);
    for (ChannelType type : ChannelType.values()) {
      counter("alerts.deliveries.sent", type); // every series exists from the start, at 0
      counter("alerts.deliveries.failed", type);
    }
    Gauge.builder("alerts.deliveries.pending", () -> queue.count(DeliveryQueue.PENDING))
        .description("Deliveries waiting for their first or next quick attempt")
        .register(meters);
    Gauge.builder("alerts.deliveries.parked", () -> queue.count(DeliveryQueue.PARKED))
        .description("Deliveries that failed too often and are retried on the slow schedule")
        .register(meters);
  }

  @Override
  public void start() {
    AtomicInteger number = new AtomicInteger();
    int threads = settings.emailSenders() + settings.httpSenders();
    ScheduledExecutorService executor =
        Executors.newScheduledThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "delivery-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    long poll = settings.pollInterval().toMillis();
    for (int i = 0; i < threads; i++) {
      boolean email = i < settings.emailSenders();
      executor.scheduleWithFixedDelay(() -> sendDue(email), poll, poll, TimeUnit.MILLISECONDS);
    }
    lanes = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = lanes;
    lanes = null;
    if (executor != null) {
      executor.shutdown();
      try {
        // A delivery in flight is bounded by the timeouts; one not finished is sent again later.
        executor.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return lanes != null;
  }

  /** Sends what is due in one lane, at most a batch; the rest waits for the next poll. */
  void sendDue(boolean email) {
    try {
      for (int i = 0; i < settings.batchSize(); i++) {
        if (sendNext(email, clock.instant()) == Outcome.NONE_DUE) {
          return;
        }
      }
    } catch (DataAccessException | TransactionException e) {
      log.warn("Could not send deliveries, trying again at the next poll: {}", e.getMessage());
    } catch (RuntimeException e) {
      // Never let an exception end this lane's schedule.
      log.error("Delivery sender failed, trying again at the next poll", e);
    }
  }

  /** Claims and sends the lane's next due delivery, in one transaction. */
  Outcome sendNext(boolean email, Instant now) {
    return transactions.execute(
        status -> sendNext(queue.lockNextDue(email, now).orElse(null), now));
  }

  private Outcome sendNext(Delivery delivery, Instant now) {
    if (delivery == null) {
      return Outcome.NONE_DUE;
    }
    if (!delivery.alertActive()) {
      queue.close(delivery, "CANCELLED", "Not sent: the alert was paused before it went out");
      return Outcome.CANCELLED;
    }
    if (!delivery.recipientConfirmed()) {
      queue.close(delivery, "CANCELLED", "Not sent: the alert's address is not confirmed");
      return Outcome.CANCELLED;
    }
    if (delivery.expiresAt() != null && !delivery.expiresAt().isAfter(now)) {
      queue.close(delivery, "DROPPED", "Dropped: every auction it told about had ended");
      dropped.increment();
      return Outcome.DROPPED;
    }
    ChannelSender sender = senders.get(delivery.type());
    try {
      if (delivery.digest()) {
        emailChannel.sendDigest(
            delivery, json.readValue(delivery.payload(), DigestPayload.class), now);
      } else {
        sender.send(delivery, json.readValue(delivery.payload(), NoticePayload.class), now);
      }
    } catch (DeliveryFailed failure) {
      return failure(delivery, failure.getMessage(), failure, now);
    } catch (RuntimeException e) {
      return failure(
          delivery,
          describe(e),
          DeliveryFailed.transientFailure(describe(e), "the message could not be prepared"),
          now);
    }
    queue.markSent(delivery, now);
    counter("alerts.deliveries.sent", delivery.type()).increment();
    log.debug(
        "Sent {} delivery {} of alert {}", delivery.type(), delivery.id(), delivery.alertId());
    return Outcome.SENT;
  }

  /**
   * A 429 with Retry-After is the channel asking to slow down: the delivery waits as asked and the
   * attempt does not count. Otherwise the channel backs off, and a delivery that failed {@code
   * maxAttempts} times, or failed in a way retrying soon cannot fix, is parked.
   */
  private Outcome failure(Delivery delivery, String error, DeliveryFailed failure, Instant now) {
    counter("alerts.deliveries.failed", delivery.type()).increment();
    if (failure.retryAfter() != null) {
      Duration wait =
          failure.retryAfter().compareTo(settings.maxBackoff()) > 0
              ? settings.maxBackoff()
              : failure.retryAfter();
      queue.markFailed(delivery, error, failure.reason(), now.plus(wait), false, false);
      return Outcome.FAILED;
    }
    int attempts = delivery.attempts() + 1;
    boolean park = failure.permanent() || attempts >= settings.maxAttempts();
    Duration wait =
        park
            ? settings.parkedRetry()
            : backoff(settings.backoff(), settings.maxBackoff(), delivery.channelFailures() + 1);
    queue.markFailed(delivery, error, failure.reason(), now.plus(wait), park, true);
    log.info(
        "{} delivery {} of alert {} not delivered (attempt {}){}: {}",
        delivery.type(),
        delivery.id(),
        delivery.alertId(),
        attempts,
        park ? ", parked" : "",
        error);
    return park ? Outcome.PARKED : Outcome.FAILED;
  }

  private Counter counter(String name, ChannelType type) {
    return Counter.builder(name)
        .description(
            name.endsWith("sent")
                ? "Deliveries a channel accepted"
                : "Failed attempts to deliver to a channel")
        .tag("channel", type.name())
        .register(meters);
  }

  /**
   * {@code first * 2^(failures - 1)}, capped at {@code max}, of which a random half is waited less:
   * instances retrying after the same outage spread out instead of arriving at once.
   */
  static Duration backoff(Duration first, Duration max, int failures) {
    long delay = Math.min(max.toMillis(), first.toMillis() << Math.min(failures - 1, 20));
    return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
  }

  /** One line for the row: what failed, never a URL (it may hold a token). */
  static String describe(Exception e) {
    String message =
        e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    String text = e.getClass().getSimpleName() + message;
    return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
  }
}
