package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.channel.ChannelType;
import java.time.Instant;

/**
 * Sends one delivery over one type of channel. {@link DeliverySender} owns everything around it
 * (claiming, retries, parking, metrics); an implementation only turns the payload into the
 * channel's message and sends it once, within bounded time and reading a bounded answer.
 */
interface ChannelSender {

  ChannelType type();

  /**
   * Sends the delivery; returns normally once the channel accepted it.
   *
   * @throws DeliveryFailed when it did not, saying why in words the channel's owner may see
   */
  void send(Delivery delivery, NoticePayload payload, Instant now) throws DeliveryFailed;
}
