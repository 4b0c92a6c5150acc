package dev.ebayalerts.alerts.channel;

import dev.ebayalerts.alerts.account.Caller;
import dev.ebayalerts.alerts.web.ApiDocs;
import dev.ebayalerts.alerts.web.ApiProblemResponses;
import dev.ebayalerts.alerts.web.ApiSuccessResponses;
import dev.ebayalerts.alerts.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Linking Telegram chats: a one-time code to send the bot, and the chats linked so far. */
@Tag(name = "Telegram", description = "Link Telegram chats for TELEGRAM channels")
@ApiProblemResponses.BadRequest
@ApiProblemResponses.Unauthorized
@SecurityRequirement(name = ApiDocs.BEARER)
@SecurityRequirement(name = ApiDocs.COOKIE)
@RestController
@RequestMapping("/api/telegram")
class TelegramController {

  static final Duration CODE_TTL = Duration.ofMinutes(15);

  private final TelegramChats chats;
  private final TelegramSettings settings;
  private final Clock clock;

  TelegramController(TelegramChats chats, TelegramSettings settings, Clock clock) {
    this.chats = chats;
    this.settings = settings;
    this.clock = clock;
  }

  record LinkCode(
      @Schema(example = "K7PQ2ZXM4A") String code,
      @Schema(example = "/start K7PQ2ZXM4A", description = "What to send the bot from the chat")
          String command,
      Instant expiresAt) {}

  record LinkedChats(@Schema(example = "[\"-1001234567890\"]") List<String> chatIds) {}

  @Operation(
      summary = "Get a code to link a Telegram chat",
      description =
          "Send the command to the operator's bot from the chat (add the bot to a group first)."
              + " The bot answers with the chat's id, which TELEGRAM channels may then use.")
  @PostMapping("/link-codes")
  @ApiSuccessResponses.Ok
  LinkCode newCode(@Parameter(hidden = true) Caller caller) {
    String email = caller.requireEmail();
    if (!settings.configured()) {
      throw InvalidRequest.field(
          "type", "TELEGRAM is not available: this server has no Telegram bot configured");
    }
    Instant now = clock.instant();
    String code = chats.newCode(email, now, now.plus(CODE_TTL));
    return new LinkCode(code, "/start " + code, now.plus(CODE_TTL));
  }

  @Operation(summary = "The Telegram chats linked to your address")
  @GetMapping("/chats")
  @ApiSuccessResponses.Ok
  LinkedChats linked(@Parameter(hidden = true) Caller caller) {
    return new LinkedChats(chats.of(caller.requireEmail()));
  }
}
