package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.channel.ChannelType;
import dev.ebayalerts.alerts.channel.TelegramSettings;
import dev.ebayalerts.alerts.mute.MuteLinks;
import dev.ebayalerts.pubsub.links.SafeUrls;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A Telegram chat through the operator's bot: sendMessage, or sendPhoto for a single listing with
 * an image (https://core.telegram.org/bots/api#sendmessage).
 */
@Component
class TelegramChannel implements ChannelSender {

  private final HttpDelivery http;
  private final ObjectMapper json;
  private final MuteLinks muteLinks;
  private final TelegramSettings telegram;

  TelegramChannel(
      HttpDelivery http, ObjectMapper json, TelegramSettings telegram, MuteLinks muteLinks) {
    this.http = http;
    this.json = json;
    this.muteLinks = muteLinks;
    this.telegram = telegram;
  }

  @Override
  public ChannelType type() {
    return ChannelType.TELEGRAM;
  }

  @Override
  public void send(Delivery delivery, NoticePayload payload, Instant now) throws DeliveryFailed {
    http.send(message(delivery, payload));
  }

  HttpDelivery.Outgoing message(Delivery notice, NoticePayload payload) {
    if (!telegram.configured()) {
      throw new IllegalStateException("no Telegram bot token is configured");
    }
    StringBuilder text = new StringBuilder("<b>").append(html(payload.headline())).append("</b>");
    for (NoticeListing listing : payload.listings()) {
      text.append("\n\n");
      String title = html(ListingText.cut(listing.title(), 200));
      text.append(
          (SafeUrls.webUrl(listing.itemWebUrl()) != null)
              ? "<a href=\"" + html(listing.itemWebUrl()) + "\">" + title + "</a>"
              : title);
      text.append('\n').append(html(ListingText.priceLine(listing)));
      String note = payload.note(listing);
      if (note != null) {
        text.append('\n').append(html(note));
      }
      // The link's address does not count towards Telegram's text limit, only its words.
      text.append("\n<a href=\"")
          .append(
              html(muteLinks.feedbackPage(notice.recipient(), notice.alertId(), listing.itemId())))
          .append("\">Not interested? Mute…</a>");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("chat_id", notice.target());
    NoticeListing only = payload.listings().size() == 1 ? payload.listings().get(0) : null;
    String method;
    if (only != null && (SafeUrls.webUrl(only.imageUrl()) != null) && text.length() <= 1024) {
      method = "sendPhoto";
      body.put("photo", only.imageUrl());
      body.put("caption", text.toString());
    } else {
      method = "sendMessage";
      body.put("text", ListingText.cut(text.toString(), 4096));
      body.put("link_preview_options", Map.of("is_disabled", true));
    }
    body.put("parse_mode", "HTML");
    return new HttpDelivery.Outgoing(
        telegram.methodUrl(method), Map.of(), json.writeValueAsString(body));
  }

  static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
