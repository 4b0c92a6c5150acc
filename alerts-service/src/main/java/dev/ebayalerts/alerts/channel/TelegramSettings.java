package dev.ebayalerts.alerts.channel;

import jakarta.validation.constraints.NotBlank;
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

  public boolean configured() {
    return botToken != null && !botToken.isBlank();
  }
}
