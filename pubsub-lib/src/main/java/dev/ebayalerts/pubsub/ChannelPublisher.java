package dev.ebayalerts.pubsub;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Publishes events with Redis PUBLISH. At-most-once: Redis forwards the message to the subscribers
 * connected at that instant and keeps nothing, so an event published while no subscriber is
 * connected is lost without an error.
 */
final class ChannelPublisher implements Publisher {

  private final StringRedisTemplate redis;
  private final EventCodec codec;
  private final String channel;
  private final PubSubMetrics metrics;

  ChannelPublisher(
      StringRedisTemplate redis, EventCodec codec, String channel, PubSubMetrics metrics) {
    this.redis = redis;
    this.codec = codec;
    this.channel = channel;
    this.metrics = metrics;
  }

  @Override
  public void publish(Event event) {
    String json = codec.encode(event);
    try {
      redis.convertAndSend(channel, json);
    } catch (RuntimeException e) {
      metrics.publishFailed(event, PubSubMetrics.ERROR);
      throw PublishFailed.of(event, "channel " + channel, e);
    }
    metrics.published(event);
  }
}
