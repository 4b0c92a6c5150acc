package dev.ebayalerts.alerts.channel;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads what people send the operator's bot ({@code getUpdates}) and links a chat to the address
 * whose one-time code it receives ({@code /start CODE}), answering in the chat. One instance at a
 * time reads (the offset row is locked while it does), so no update is read twice.
 */
@Component
class TelegramBot {

  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
  private static final int UPDATES_PER_POLL = 20;

  private final TelegramSettings settings;
  private final TelegramChats chats;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(3))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  TelegramBot(
      TelegramSettings settings,
      TelegramChats chats,
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      ObjectMapper json,
      Clock clock) {
    this.settings = settings;
    this.chats = chats;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.json = json;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${alerts.telegram.poll-interval:5s}",
      fixedDelayString = "${alerts.telegram.poll-interval:5s}")
  void pollScheduled() {
    if (!settings.configured()) {
      return;
    }
    try {
      poll();
    } catch (RuntimeException e) {
      log.warn("Could not read the Telegram bot's updates, trying again later: {}", e.toString());
    }
  }

  /** Reads and handles the bot's new updates; returns how many chats were linked. */
  int poll() {
    Integer linked =
        transactions.execute(
            status -> {
              Optional<Long> offset =
                  jdbc.sql(
                          "select next_offset from telegram_updates where id = 1"
                              + " for update skip locked")
                      .query(Long.class)
                      .optional();
              if (offset.isEmpty()) {
                return 0; // another instance is reading
              }
              JsonNode updates =
                  call(
                      "getUpdates",
                      Map.of("offset", offset.get(), "limit", UPDATES_PER_POLL, "timeout", 0));
              int count = 0;
              long next = offset.get();
              for (JsonNode update : updates.path("result")) {
                next = Math.max(next, update.path("update_id").asLong() + 1);
                count += handle(update.path("message"));
              }
              jdbc.sql("update telegram_updates set next_offset = ? where id = 1")
                  .param(next)
                  .update();
              return count;
            });
    return linked == null ? 0 : linked;
  }

  private int handle(JsonNode message) {
    String text = message.path("text").asString();
    String chatId = message.path("chat").path("id").asString();
    if (chatId.isEmpty() || !text.startsWith("/start")) {
      return 0;
    }
    String[] words = text.strip().split("\\s+");
    Instant now = clock.instant();
    Optional<String> email =
        words.length == 2 ? chats.redeem(words[1].toUpperCase(), now) : Optional.empty();
    if (email.isEmpty()) {
      reply(
          chatId,
          "To link this chat to ebay-alerts, send /start with the code the dashboard shows"
              + " (it works once, for a short time).");
      return 0;
    }
    chats.link(email.get(), chatId, now);
    reply(
        chatId,
        "Linked: alerts can now send their notices to this chat. Its chat id is "
            + chatId
            + " (choose it as the alert's Telegram channel).");
    return 1;
  }

  private void reply(String chatId, String text) {
    try {
      call("sendMessage", Map.of("chat_id", chatId, "text", text));
    } catch (RuntimeException e) {
      log.info("Could not answer in Telegram chat {}: {}", chatId, e.toString());
    }
  }

  private JsonNode call(String method, Map<String, Object> body) {
    HttpRequest request =
        HttpRequest.newBuilder(settings.methodUrl(method))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("Telegram answered HTTP " + response.statusCode());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Telegram could not be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
