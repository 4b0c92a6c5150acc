package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.channel.ChannelType;
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
 * A generic webhook: signed JSON with the alert and its listings. A process that dies after the
 * receiver took a message but before it was marked sent sends it again with the same id, for
 * receivers to de-duplicate on.
 */
@Component
class WebhookChannel implements ChannelSender {

  private final HttpDelivery http;
  private final ObjectMapper json;

  WebhookChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public ChannelType type() {
    return ChannelType.WEBHOOK;
  }

  @Override
  public void send(Delivery delivery, NoticePayload payload, Instant now) throws DeliveryFailed {
    http.send(message(delivery, payload, now));
  }

  /**
   * The body carries the notice id (the same on every attempt, for receivers to de-duplicate on);
   * {@code X-Signature} is {@code sha256=} and the hex HMAC-SHA256, keyed with the channel's
   * secret, of {@code X-Timestamp + "." + body}.
   */
  HttpDelivery.Outgoing message(Delivery notice, NoticePayload payload, Instant now) {
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
    return new HttpDelivery.Outgoing(URI.create(notice.target()), headers, text);
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
}
