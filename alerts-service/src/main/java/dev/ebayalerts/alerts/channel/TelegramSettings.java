package dev.ebayalerts.alerts.channel;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator's Telegram bot, which sends every TELEGRAM channel's messages.
 *
 * @param botToken the token BotFather gave; empty disables TELEGRAM channels
 * @param apiBaseUrl the Bot API's address (a stub in tests)
 */
@Validated
@ConfigurationProperties("alerts.telegram")
public record TelegramSettings(
    @DefaultValue("") String botToken,
    @DefaultValue("https://api.telegram.org") @NotBlank String apiBaseUrl) {

  /** The Bot API address of one method, e.g. {@code sendMessage}, with the bot's token. */
  public URI methodUrl(String method) {
    return URI.create(apiBaseUrl.replaceAll("/+$", "") + "/bot" + botToken + "/" + method);
  }

  public boolean configured() {
    return botToken != null && !botToken.isBlank();
  }
}
