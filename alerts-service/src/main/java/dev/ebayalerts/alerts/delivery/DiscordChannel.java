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

/**
 * A Discord incoming webhook: https://discord.com/developers/docs/resources/webhook#execute-webhook
 */
@Component
class DiscordChannel implements ChannelSender {

  private final HttpDelivery http;
  private final ObjectMapper json;
  private final MuteLinks muteLinks;

  DiscordChannel(HttpDelivery http, ObjectMapper json, MuteLinks muteLinks) {
    this.http = http;
    this.json = json;
    this.muteLinks = muteLinks;
  }

  @Override
  public ChannelType type() {
    return ChannelType.DISCORD;
  }

  @Override
  public void send(Delivery delivery, NoticePayload payload, Instant now) throws DeliveryFailed {
    http.send(message(delivery, payload));
  }

  HttpDelivery.Outgoing message(Delivery notice, NoticePayload payload) {
    List<Map<String, Object>> embeds = new ArrayList<>();
    for (NoticeListing listing : payload.listings()) {
      Map<String, Object> embed = new LinkedHashMap<>();
      embed.put("title", ListingText.cut(listing.title(), 256));
      if ((SafeUrls.webUrl(listing.itemWebUrl()) != null)) {
        embed.put("url", listing.itemWebUrl());
      }
      String note = payload.note(listing);
      embed.put(
          "description",
          ListingText.priceLine(listing)
              + (note == null ? "" : "\n" + note)
              + "\n[Not interested? Mute…]("
              + muteLinks.feedbackPage(notice.recipient(), notice.alertId(), listing.itemId())
              + ")");
      List<Map<String, Object>> fields = new ArrayList<>();
      fields.add(field("Price", ListingText.price(listing.price(), listing.currency())));
      if (listing.previousPrice() != null) {
        fields.add(field("Was", ListingText.price(listing.previousPrice(), listing.currency())));
      }
      embed.put("fields", fields);
      if ((SafeUrls.webUrl(listing.imageUrl()) != null)) {
        embed.put("thumbnail", Map.of("url", listing.imageUrl()));
      }
      embeds.add(embed);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", ListingText.cut(payload.headline(), 2000));
    body.put("embeds", embeds);
    // A listing title must never ping @everyone or anyone else.
    body.put("allowed_mentions", Map.of("parse", List.of()));
    return new HttpDelivery.Outgoing(
        URI.create(notice.target()), Map.of(), json.writeValueAsString(body));
  }

  private static Map<String, Object> field(String name, String value) {
    Map<String, Object> field = new LinkedHashMap<>();
    field.put("name", name);
    field.put("value", value);
    field.put("inline", true);
    return field;
  }
}
