package dev.ebayalerts.pubsub;

import dev.ebayalerts.pubsub.EventCodec.EventUnreadable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Receives events with Redis SUBSCRIBE. At-most-once: there is no acknowledgement, so a message
 * whose handler fails, that cannot be read, or that was published while this subscriber was not
 * connected (starting, restarting, Redis failing over) is lost. Such losses are logged, nothing
 * else.
 */
final class ChannelSubscriber implements Subscriber, SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ChannelSubscriber.class);

  private final EventCodec codec;
  private final String channel;
  private final PubSubMetrics metrics;
  private final Handlers handlers = new Handlers();
  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
  private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();

  ChannelSubscriber(
      RedisConnectionFactory connectionFactory,
      EventCodec codec,
      String channel,
      PubSubMetrics metrics) {
    this.codec = codec;
    this.channel = channel;
    this.metrics = metrics;
    // One thread keeps messages in publish order and keeps handlers off Lettuce's I/O threads.
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setThreadNamePrefix("pubsub-channel-");
    executor.initialize();
    container.setConnectionFactory(connectionFactory);
    container.setTaskExecutor(executor);
    container.addMessageListener(this::onMessage, new ChannelTopic(channel));
    container.afterPropertiesSet();
  }

  @Override
  public <E extends Event> void subscribe(Class<E> type, EventHandler<? super E> handler) {
    handlers.add(type, handler);
  }

  @Override
  public void start() {
    container.start();
    log.info("Subscribed to channel {} (at-most-once delivery)", channel);
  }

  @Override
  public void stop() {
    container.stop();
  }

  @Override
  public boolean isRunning() {
    return container.isRunning();
  }

  @Override
  public void destroy() throws Exception {
    container.destroy();
    executor.shutdown();
  }

  private void onMessage(Message message, byte[] pattern) {
    Event event;
    try {
      event = codec.decode(message.getBody());
    } catch (EventUnreadable e) {
      log.warn("Dropping unreadable message from channel {}: {}", channel, e.getMessage());
      return;
    }
    try {
      handlers.dispatch(event);
      metrics.consumed(event);
    } catch (Exception e) {
      log.warn("Handling {} {} failed; the event is lost", event.type(), event.eventId(), e);
    }
  }
}
