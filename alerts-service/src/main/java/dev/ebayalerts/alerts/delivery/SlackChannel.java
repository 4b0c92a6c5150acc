package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.channel.ChannelType;
import dev.ebayalerts.alerts.mute.MuteLinks;
import dev.ebayalerts.pubsub.links.SafeUrls;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** A Slack incoming webhook with Block Kit: https://api.slack.com/messaging/webhooks */
@Component
class SlackChannel implements ChannelSender {

  private final HttpDelivery http;
  private final ObjectMapper json;
  private final MuteLinks muteLinks;

  SlackChannel(HttpDelivery http, ObjectMapper json, MuteLinks muteLinks) {
    this.http = http;
    this.json = json;
    this.muteLinks = muteLinks;
  }

  @Override
  public ChannelType type() {
    return ChannelType.SLACK;
  }

  @Override
  public void send(Delivery delivery, NoticePayload payload, Instant now) throws DeliveryFailed {
    http.send(message(delivery, payload));
  }

  HttpDelivery.Outgoing message(Delivery notice, NoticePayload payload) {
    List<Map<String, Object>> blocks = new ArrayList<>();
    blocks.add(
        Map.of("type", "section", "text", mrkdwn("*" + slackEscape(payload.headline()) + "*")));
    for (NoticeListing listing : payload.listings()) {
      String title = slackEscape(ListingText.cut(listing.title(), 200));
      String line =
          ((SafeUrls.webUrl(listing.itemWebUrl()) != null)
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
      String costs = ListingText.costs(listing);
      if (costs != null) {
        line += "\n" + slackEscape(costs);
      }
      String note = payload.note(listing);
      if (note != null) {
        line += "\n" + slackEscape(note);
      }
      line +=
          "\n<"
              + muteLinks.feedbackPage(notice.recipient(), notice.alertId(), listing.itemId())
              + "|Not interested? Mute…>";
      Map<String, Object> block = new LinkedHashMap<>();
      block.put("type", "section");
      block.put("text", mrkdwn(line));
      if ((SafeUrls.webUrl(listing.imageUrl()) != null)) {
        block.put(
            "accessory",
            Map.of(
                "type",
                "image",
                "image_url",
                listing.imageUrl(),
                "alt_text",
                ListingText.cut(listing.title(), 2000)));
      }
      blocks.add(block);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", payload.headline()); // the notification's text, and the fallback
    body.put("blocks", blocks);
    return new HttpDelivery.Outgoing(
        URI.create(notice.target()), Map.of(), json.writeValueAsString(body));
  }

  private static Map<String, Object> mrkdwn(String text) {
    return Map.of("type", "mrkdwn", "text", ListingText.cut(text, 3000));
  }

  /** Slack's three control characters in text. */
  static String slackEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
