package dev.ebayalerts.analytics.digest;

import dev.ebayalerts.analytics.digest.DigestQueue.ActiveAlert;
import dev.ebayalerts.analytics.digest.InsightDigest.AlertSection;
import dev.ebayalerts.analytics.insight.AlertInsights;
import dev.ebayalerts.analytics.insight.Insights;
import dev.ebayalerts.analytics.insight.Insights.Figures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Generates insight digests: for each recipient, one digest covering all their active alerts,
 * stored for {@link DigestSender} only when its figures differ from the recipient's last digest.
 *
 * <p>The insights are computed first, outside any lock; then one short transaction per recipient
 * locks the recipient's state row, compares fingerprints and stores the digest with its new
 * fingerprint, so two generators at once store it once. While a recipient's previous digest is
 * still unsent (pending, or parked after failing again and again: a mail outage, a full mailbox),
 * no newer one is stored and none replaces it: it would only pile up behind it. The next run after
 * it went out compares against it and stores what changed since.
 */
@Component
class DigestGenerator {

  private static final Logger log = LoggerFactory.getLogger(DigestGenerator.class);

  /**
   * Recipients (of about five alerts each) whose insights are computed together: about 800 alerts,
   * four query batches of {@code Insights.BATCH} that run in parallel.
   */
  static final int RECIPIENTS_PER_BATCH = 160;

  /** What generating a recipient's digest came to. */
  enum Outcome {
    /** A new digest was stored. */
    STORED,
    /** The figures are those of the last digest. */
    UNCHANGED,
    /** The last digest is not sent yet (pending or parked); this one waits for a later run. */
    PREVIOUS_PENDING,
    /** None of the recipient's active alerts has observations in the window. */
    NO_DATA
  }

  private final Insights insights;
  private final DigestQueue queue;
  private final ObjectMapper json;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Counter generated;
  private final Timer runs;

  DigestGenerator(
      Insights insights,
      DigestQueue queue,
      ObjectMapper json,
      PlatformTransactionManager transactionManager,
      Clock clock,
      MeterRegistry meters) {
    this.insights = insights;
    this.queue = queue;
    this.json = json;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.generated =
        Counter.builder("analytics.digest.generated")
            .description("Insight digests stored to be sent")
            .register(meters);
    this.runs =
        Timer.builder("analytics.digest.run")
            .description("How long one digest run took, over every recipient")
            .register(meters);
  }

  /**
   * One run: every recipient with an active alert; one recipient's failure stops no other. The
   * insights of {@link #RECIPIENTS_PER_BATCH} recipients' alerts are computed together, a few
   * queries for them all rather than several per alert.
   */
  void generateAll() {
    runs.record(this::generateEach);
  }

  private void generateEach() {
    List<String> recipients;
    try {
      recipients = queue.recipients();
    } catch (DataAccessException e) {
      log.warn(
          "Could not generate insight digests, trying again at the next run: {}", e.getMessage());
      return;
    }
    int stored = 0;
    for (int start = 0; start < recipients.size(); start += RECIPIENTS_PER_BATCH) {
      List<String> group =
          recipients.subList(start, Math.min(start + RECIPIENTS_PER_BATCH, recipients.size()));
      Map<String, List<ActiveAlert>> alerts = new LinkedHashMap<>();
      Figures figures;
      try {
        group.forEach(recipient -> alerts.put(recipient, queue.activeAlertsOf(recipient)));
        figures = figuresOf(alerts.values().stream().flatMap(List::stream).toList());
      } catch (RuntimeException e) {
        log.warn(
            "Could not compute the insights of {} recipients' alerts, trying again at the next"
                + " run: {}",
            group.size(),
            e.toString());
        continue;
      }
      for (String recipient : group) {
        try {
          if (store(recipient, digestOf(alerts.get(recipient), figures)) == Outcome.STORED) {
            stored++;
          }
        } catch (RuntimeException e) {
          log.warn("Could not generate the insight digest for {}: {}", recipient, e.toString());
        }
      }
    }
    if (stored > 0) {
      log.info("Stored {} insight digests for {} recipients", stored, recipients.size());
    }
  }

  Outcome generateFor(String recipient) {
    List<ActiveAlert> alerts = queue.activeAlertsOf(recipient);
    return store(recipient, digestOf(alerts, figuresOf(alerts)));
  }

  private Figures figuresOf(List<ActiveAlert> alerts) {
    return insights.figures(alerts.stream().map(ActiveAlert::id).toList());
  }

  private Outcome store(String recipient, InsightDigest digest) {
    if (!digest.hasData()) {
      return Outcome.NO_DATA;
    }
    String fingerprint = digest.fingerprint(json);
    Outcome outcome =
        transactions.execute(
            status -> {
              if (queue.lockLastFingerprint(recipient).filter(fingerprint::equals).isPresent()) {
                return Outcome.UNCHANGED;
              }
              if (queue.hasUnsent(recipient)) {
                return Outcome.PREVIOUS_PENDING;
              }
              queue.add(
                  UUID.randomUUID(),
                  recipient,
                  json.writeValueAsString(digest),
                  fingerprint,
                  clock.instant());
              return Outcome.STORED;
            });
    if (outcome == Outcome.STORED) {
      generated.increment();
    }
    return outcome;
  }

  private static InsightDigest digestOf(List<ActiveAlert> alerts, Figures figures) {
    List<AlertSection> sections = new ArrayList<>(alerts.size());
    Instant from = null;
    Instant to = null;
    for (ActiveAlert alert : alerts) {
      AlertInsights insights = figures.insights().get(alert.id());
      sections.add(
          AlertSection.of(alert.searchPhrase(), insights, figures.histories().get(alert.id())));
      from = from == null ? insights.from() : from;
      to = to == null ? insights.to() : to;
    }
    return new InsightDigest(from, to, sections);
  }
}
