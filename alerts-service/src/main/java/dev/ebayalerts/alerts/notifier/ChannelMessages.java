package dev.ebayalerts.alerts.notifier;

import dev.ebayalerts.alerts.notification.ListingText;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a notice into the HTTP request its channel documents: a signed JSON body for a generic
 * webhook, embeds for Discord, blocks for Slack, sendMessage or sendPhoto for Telegram.
 */
@Component
class ChannelMessages {

  /** An HTTP POST with a JSON body. */
  record Outgoing(URI uri, Map<String, String> headers, String body) {}

  private final ObjectMapper json;
  private final TelegramSettings telegram;

  ChannelMessages(ObjectMapper json, TelegramSettings telegram) {
    this.json = json;
    this.telegram = telegram;
  }

  Outgoing of(NoticeOutbox.Due notice, NoticePayload payload, Instant now) {
    return switch (notice.type()) {
      case WEBHOOK -> webhook(notice, payload, now);
      case DISCORD -> discord(notice, payload);
      case SLACK -> slack(notice, payload);
      case TELEGRAM -> telegram(notice, payload);
      case EMAIL -> throw new IllegalStateException("Email goes through the alert email queue");
    };
  }

  // --- generic webhook -------------------------------------------------------------------------

  /**
   * The body carries the notice id (the same on every attempt, for receivers to de-duplicate on);
   * {@code X-Signature} is {@code sha256=} and the hex HMAC-SHA256, keyed with the channel's
   * secret, of {@code X-Timestamp + "." + body}.
   */
  private Outgoing webhook(NoticeOutbox.Due notice, NoticePayload payload, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", notice.id());
    body.put("alert", Map.of("id", payload.alertId(), "searchPhrase", payload.searchPhrase()));
    body.put("first", payload.first());
    body.put("summary", payload.headline());
    List<Map<String, Object>> listings = new ArrayList<>();
    for (NoticeListing listing : payload.listings()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("itemId", listing.itemId());
      item.put("title", listing.title());
      item.put("price", listing.price());
      item.put("currency", listing.currency());
      item.put("previousPrice", listing.previousPrice());
      item.put("url", listing.itemWebUrl());
      item.put("imageUrl", listing.imageUrl());
      item.put("condition", listing.condition());
      item.put("buyingOption", listing.buyingOption());
      item.put(
          "itemEndDate", listing.itemEndDate() == null ? null : listing.itemEndDate().toString());
      item.put("reasons", listing.reasons());
      item.put("note", payload.note(listing));
      listings.add(item);
    }
    body.put("listings", listings);
    String text = json.writeValueAsString(body);
    String timestamp = String.valueOf(now.getEpochSecond());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Notice-Id", notice.id().toString());
    headers.put("X-Timestamp", timestamp);
    headers.put("X-Signature", "sha256=" + sign(notice.secret(), timestamp + "." + text));
    return new Outgoing(URI.create(notice.target()), headers, text);
  }

  static String sign(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  // --- Discord: https://discord.com/developers/docs/resources/webhook#execute-webhook ---------

  private Outgoing discord(NoticeOutbox.Due notice, NoticePayload payload) {
    List<Map<String, Object>> embeds = new ArrayList<>();
    for (NoticeListing listing : payload.listings()) {
      Map<String, Object> embed = new LinkedHashMap<>();
      embed.put("title", cut(listing.title(), 256));
      if (webUrl(listing.itemWebUrl())) {
        embed.put("url", listing.itemWebUrl());
      }
      String note = payload.note(listing);
      embed.put("description", NoticeText.priceChange(listing) + (note == null ? "" : "\n" + note));
      List<Map<String, Object>> fields = new ArrayList<>();
      fields.add(field("Price", ListingText.price(listing.price(), listing.currency())));
      if (listing.previousPrice() != null) {
        fields.add(field("Was", ListingText.price(listing.previousPrice(), listing.currency())));
      }
      embed.put("fields", fields);
      if (webUrl(listing.imageUrl())) {
        embed.put("thumbnail", Map.of("url", listing.imageUrl()));
      }
      embeds.add(embed);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", cut(payload.headline(), 2000));
    body.put("embeds", embeds);
    // A listing title must never ping @everyone or anyone else.
    body.put("allowed_mentions", Map.of("parse", List.of()));
    return new Outgoing(URI.create(notice.target()), Map.of(), json.writeValueAsString(body));
  }

  private static Map<String, Object> field(String name, String value) {
    Map<String, Object> field = new LinkedHashMap<>();
    field.put("name", name);
    field.put("value", value);
    field.put("inline", true);
    return field;
  }

  // --- Slack: https://api.slack.com/messaging/webhooks and Block Kit ----------------------------

  private Outgoing slack(NoticeOutbox.Due notice, NoticePayload payload) {
    List<Map<String, Object>> blocks = new ArrayList<>();
    blocks.add(
        Map.of("type", "section", "text", mrkdwn("*" + slackEscape(payload.headline()) + "*")));
    for (NoticeListing listing : payload.listings()) {
      String title = slackEscape(cut(listing.title(), 200));
      String line =
          (webUrl(listing.itemWebUrl())
                  ? "*<" + listing.itemWebUrl() + "|" + title + ">*"
                  : "*" + title + "*")
              + "\n"
              + (listing.previousPrice() == null
                  ? ListingText.price(listing.price(), listing.currency())
                  : "~"
                      + ListingText.price(listing.previousPrice(), listing.currency())
                      + "~ → *"
                      + ListingText.price(listing.price(), listing.currency())
                      + "*");
      String note = payload.note(listing);
      if (note != null) {
        line += "\n" + slackEscape(note);
      }
      Map<String, Object> block = new LinkedHashMap<>();
      block.put("type", "section");
      block.put("text", mrkdwn(line));
      if (webUrl(listing.imageUrl())) {
        block.put(
            "accessory",
            Map.of(
                "type",
                "image",
                "image_url",
                listing.imageUrl(),
                "alt_text",
                cut(listing.title(), 2000)));
      }
      blocks.add(block);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", payload.headline()); // the notification's text, and the fallback
    body.put("blocks", blocks);
    return new Outgoing(URI.create(notice.target()), Map.of(), json.writeValueAsString(body));
  }

  private static Map<String, Object> mrkdwn(String text) {
    return Map.of("type", "mrkdwn", "text", cut(text, 3000));
  }

  /** Slack's three control characters in text. */
  static String slackEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // --- Telegram: https://core.telegram.org/bots/api#sendmessage and #sendphoto ----------------

  private Outgoing telegram(NoticeOutbox.Due notice, NoticePayload payload) {
    if (!telegram.configured()) {
      throw new IllegalStateException("no Telegram bot token is configured");
    }
    String base = telegram.apiBaseUrl().replaceAll("/+$", "") + "/bot" + telegram.botToken();
    StringBuilder text = new StringBuilder("<b>").append(html(payload.headline())).append("</b>");
    for (NoticeListing listing : payload.listings()) {
      text.append("\n\n");
      String title = html(cut(listing.title(), 200));
      text.append(
          webUrl(listing.itemWebUrl())
              ? "<a href=\"" + html(listing.itemWebUrl()) + "\">" + title + "</a>"
              : title);
      text.append('\n').append(html(NoticeText.priceChange(listing)));
      String note = payload.note(listing);
      if (note != null) {
        text.append('\n').append(html(note));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("chat_id", notice.target());
    NoticeListing only = payload.listings().size() == 1 ? payload.listings().get(0) : null;
    String method;
    if (only != null && webUrl(only.imageUrl()) && text.length() <= 1024) {
      method = "sendPhoto";
      body.put("photo", only.imageUrl());
      body.put("caption", text.toString());
    } else {
      method = "sendMessage";
      body.put("text", cut(text.toString(), 4096));
      body.put("link_preview_options", Map.of("is_disabled", true));
    }
    body.put("parse_mode", "HTML");
    return new Outgoing(URI.create(base + "/" + method), Map.of(), json.writeValueAsString(body));
  }

  static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  // --- shared ---------------------------------------------------------------------------------

  private static boolean webUrl(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://"));
  }

  private static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
