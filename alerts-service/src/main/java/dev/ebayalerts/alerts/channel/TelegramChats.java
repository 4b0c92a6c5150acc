package dev.ebayalerts.alerts.channel;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Telegram chats each address linked, and the one-time codes that link them: a code is shown to
 * the signed-in owner, who sends {@code /start CODE} to the bot from the chat; the bot's update
 * names the chat, which is then the owner's.
 */
@Repository
class TelegramChats {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

  private final JdbcClient jdbc;

  TelegramChats(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new code for the address, valid until {@code expiresAt}; its older codes are dropped. */
  String newCode(String email, Instant now, Instant expiresAt) {
    jdbc.sql("delete from telegram_link_code where email = ? or expires_at <= ?")
        .params(email, Timestamp.from(now))
        .update();
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    jdbc.sql("insert into telegram_link_code (code, email, expires_at) values (?, ?, ?)")
        .params(code.toString(), email, Timestamp.from(expiresAt))
        .update();
    return code.toString();
  }

  /** Uses up a code: the address it was made for, if it is valid. */
  Optional<String> redeem(String code, Instant now) {
    return jdbc.sql(
            "delete from telegram_link_code where code = ? and expires_at > ? returning email")
        .params(code, Timestamp.from(now))
        .query(String.class)
        .optional();
  }

  void link(String email, String chatId, Instant now) {
    jdbc.sql(
            """
            insert into telegram_chat (email, chat_id, linked_at) values (?, ?, ?)
            on conflict do nothing""")
        .params(email, chatId, Timestamp.from(now))
        .update();
  }

  boolean isLinked(String email, String chatId) {
    return jdbc.sql("select count(*) > 0 from telegram_chat where email = ? and chat_id = ?")
        .params(email, chatId)
        .query(Boolean.class)
        .single();
  }

  List<String> of(String email) {
    return jdbc.sql("select chat_id from telegram_chat where email = ? order by linked_at")
        .param(email)
        .query(String.class)
        .list();
  }
}
