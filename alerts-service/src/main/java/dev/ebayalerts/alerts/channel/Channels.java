package dev.ebayalerts.alerts.channel;

import dev.ebayalerts.alerts.web.FieldProblem;
import dev.ebayalerts.alerts.web.InvalidRequest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The channels of each alert ({@code alert_channel}). */
@Component
public class Channels {

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A channel row ({@code alert_channel c}) with the delivery state its owner sees, every column
   * named {@code channel_...}: so that another query can join the channels of its rows in, as a
   * page of alerts does (one statement for the page), and read them with {@link #viewOf}. The
   * deliveries are counted only for a failing channel, the only one whose view shows them: the
   * counts walk every delivery the channel kept.
   */
  public static final String COLUMNS =
      """
      c.id as channel_id, c.alert_id as channel_alert_id, c.type as channel_type,
      c.target as channel_target, c.secret as channel_secret, c.enabled as channel_enabled,
      c.consecutive_failures as channel_failures, c.last_error as channel_last_error,
      case when c.consecutive_failures > 0 and c.last_error is not null then
        (select count(*) from delivery d
         where d.channel_id = c.id and d.status in ('PENDING', 'PARKED')) else 0 end
        as channel_waiting,
      case when c.consecutive_failures > 0 and c.last_error is not null then
        (select count(*) from delivery d
         where d.channel_id = c.id and d.status = 'PARKED') else 0 end
        as channel_parked
      """;

  private final JdbcClient jdbc;
  private final TelegramSettings telegram;
  private final TelegramChats telegramChats;
  private final EgressGuard guard;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Channels(
      JdbcClient jdbc,
      TelegramSettings telegram,
      TelegramChats telegramChats,
      EgressGuard guard,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.telegram = telegram;
    this.telegramChats = telegramChats;
    this.guard = guard;
    this.events = events;
    this.clock = clock;
  }

  /** A channel row, with how its deliveries are going. */
  record Channel(
      UUID id,
      UUID alertId,
      ChannelType type,
      String target,
      String secret,
      boolean enabled,
      int failures,
      String lastError,
      long waiting,
      long parked) {

    ChannelView view(String newSecret) {
      return new ChannelView(
          id,
          type,
          type.needsUrl() ? target : null,
          type == ChannelType.TELEGRAM ? target : null,
          enabled,
          deliveryError(),
          newSecret);
    }

    /** In words for its owner; null while deliveries go out. */
    String deliveryError() {
      if (failures == 0 || lastError == null) {
        return null;
      }
      String text =
          "Not delivered: "
              + lastError
              + " ("
              + failures
              + " failed attempt"
              + (failures == 1 ? "" : "s")
              + " in a row).";
      if (waiting > 0) {
        text +=
            " "
                + waiting
                + (waiting == 1 ? " message waits" : " messages wait")
                + (parked > 0
                    ? " and "
                        + (waiting == 1 ? "is" : "are")
                        + " retried every hour until it works."
                    : "; the next attempt is soon.");
      }
      return text;
    }

    ChannelRequest request() {
      return new ChannelRequest(
          type,
          type.needsUrl() ? target : null,
          type == ChannelType.TELEGRAM ? target : null,
          enabled);
    }
  }

  /**
   * Makes the alert's channels the requested ones: a channel sent again keeps its id and secret, a
   * new one gets them, one left out is removed with its pending notices. Runs in the caller's
   * transaction (the alert's change).
   *
   * @return the channels, with the secret of each WEBHOOK channel created now
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<ChannelView> replace(UUID alertId, String email, List<ChannelRequest> requested) {
    Map<String, Channel> existing = new LinkedHashMap<>();
    rows(alertId).forEach(c -> existing.put(key(c.type(), c.target()), c));
    return replace(alertId, email, requested, existing);
  }

  /**
   * The channels of an alert created now: it has none yet, so none are read first. Runs in the
   * caller's transaction (the alert's creation).
   *
   * @return the channels, with the secret of each WEBHOOK channel
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<ChannelView> create(UUID alertId, String email, List<ChannelRequest> requested) {
    return replace(alertId, email, requested, Map.of());
  }

  private List<ChannelView> replace(
      UUID alertId, String email, List<ChannelRequest> requested, Map<String, Channel> existing) {
    check(email, requested, existing.keySet());
    List<ChannelView> result = new ArrayList<>();
    Set<UUID> kept = new HashSet<>();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int position = 0;
    for (ChannelRequest request : requested) {
      // Channels are listed by creation time: one microsecond apart keeps the request's order.
      Instant createdAt = now.plus(position++, ChronoUnit.MICROS);
      Channel before = existing.get(key(request.type(), request.target()));
      if (before == null) {
        String secret = request.type() == ChannelType.WEBHOOK ? newSecret() : null;
        UUID id = UUID.randomUUID();
        jdbc.sql(
                """
                insert into alert_channel (id, alert_id, type, target, secret, enabled,
                    consecutive_failures, created_at)
                values (?, ?, ?, ?, ?, ?, 0, ?)""")
            .params(
                id,
                alertId,
                request.type().name(),
                request.target(),
                secret,
                request.enabled(),
                Timestamp.from(createdAt))
            .update();
        kept.add(id);
        result.add(
            new Channel(
                    id,
                    alertId,
                    request.type(),
                    request.target(),
                    secret,
                    request.enabled(),
                    0,
                    null,
                    0,
                    0)
                .view(secret));
      } else {
        kept.add(before.id());
        if (request.enabled() != before.enabled()) {
          jdbc.sql("update alert_channel set enabled = ? where id = ?")
              .params(request.enabled(), before.id())
              .update();
          if (request.enabled()) {
            // What waited for the channel, parked ones included, goes out now, oldest first.
            events.publishEvent(new ChannelEnabled(before.id()));
          }
          before =
              new Channel(
                  before.id(),
                  alertId,
                  before.type(),
                  before.target(),
                  before.secret(),
                  request.enabled(),
                  before.failures(),
                  before.lastError(),
                  before.waiting(),
                  before.parked());
        }
        result.add(before.view(null));
      }
    }
    existing.values().stream()
        .filter(c -> !kept.contains(c.id()))
        .forEach(c -> jdbc.sql("delete from alert_channel where id = ?").param(c.id()).update());
    return result;
  }

  /** The alert's channels as a request would send them: the base of a PATCH. */
  public List<ChannelRequest> requestsOf(UUID alertId) {
    return rows(alertId).stream().map(Channel::request).toList();
  }

  /**
   * The alert's channels with the signing secret of each WEBHOOK channel: only for the page where
   * its owner starts an alert created without a session (that create could not show them).
   */
  public List<ChannelView> withSecrets(UUID alertId) {
    return rows(alertId).stream().map(c -> c.view(c.secret())).toList();
  }

  public List<ChannelView> of(UUID alertId) {
    return rows(alertId).stream().map(c -> c.view(null)).toList();
  }

  /** The channels of several alerts, for a page of alerts. */
  public Map<UUID, List<ChannelView>> of(Collection<UUID> alertIds) {
    Map<UUID, List<ChannelView>> byAlert = new LinkedHashMap<>();
    if (alertIds.isEmpty()) {
      return byAlert;
    }
    jdbc.sql(
            "select "
                + COLUMNS
                + " from alert_channel c where c.alert_id in (:ids) order by c.created_at, c.id")
        .param("ids", alertIds)
        .query(Channels::channel)
        .list()
        .forEach(
            c -> byAlert.computeIfAbsent(c.alertId(), id -> new ArrayList<>()).add(c.view(null)));
    return byAlert;
  }

  private List<Channel> rows(UUID alertId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from alert_channel c where c.alert_id = ? order by c.created_at, c.id")
        .param(alertId)
        .query(Channels::channel)
        .list();
  }

  /**
   * Refuses repeated channels, URLs of new channels that lead where no channel may go, and new
   * Telegram chats the address has not linked through the bot.
   */
  private void check(String email, List<ChannelRequest> requested, Set<String> existing) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < requested.size(); i++) {
      ChannelRequest request = requested.get(i);
      if (!seen.add(key(request.type(), request.target()))) {
        problems.add(new FieldProblem("channels[" + i + "]", "must not repeat another channel"));
      }
      if (request.type().needsUrl()
          && request.url() != null
          && !existing.contains(key(request.type(), request.target()))) {
        try {
          guard.check(request.url());
        } catch (EgressRefused e) {
          problems.add(new FieldProblem("channels[" + i + "].url", e.getMessage()));
        }
      }
      if (request.type() == ChannelType.TELEGRAM
          && telegram.configured()
          && request.chatId() != null
          && !existing.contains(key(request.type(), request.target()))
          && !telegramChats.isLinked(email, request.chatId())) {
        problems.add(
            new FieldProblem(
                "channels[" + i + "].chatId",
                "is not a chat linked to this address: get a code (in the dashboard, or POST"
                    + " /api/telegram/link-codes) and send /start CODE to the bot from that"
                    + " chat"));
      }
      if (request.type() == ChannelType.TELEGRAM && !telegram.configured()) {
        problems.add(
            new FieldProblem(
                "channels[" + i + "].type",
                "TELEGRAM is not available: this server has no Telegram bot configured"));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidRequest.of(problems);
    }
  }

  private static String key(ChannelType type, String target) {
    return type + "\u0000" + target;
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The channel of a row that selected {@link #COLUMNS} (without its secret); empty where an outer
   * join found no channel.
   */
  public static Optional<ChannelView> viewOf(ResultSet rs) throws SQLException {
    return rs.getObject("channel_id") == null
        ? Optional.empty()
        : Optional.of(channel(rs, rs.getRow()).view(null));
  }

  private static Channel channel(ResultSet rs, int n) throws SQLException {
    return new Channel(
        rs.getObject("channel_id", UUID.class),
        rs.getObject("channel_alert_id", UUID.class),
        ChannelType.valueOf(rs.getString("channel_type")),
        rs.getString("channel_target"),
        rs.getString("channel_secret"),
        rs.getBoolean("channel_enabled"),
        rs.getInt("channel_failures"),
        rs.getString("channel_last_error"),
        rs.getLong("channel_waiting"),
        rs.getLong("channel_parked"));
  }
}
