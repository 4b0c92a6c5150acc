package dev.ebayalerts.pubsub;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Provides a {@link Publisher} for the configured {@linkplain PubSubProperties#transport()
 * transport} in any application with a {@link RedisConnectionFactory}, and a running {@link
 * Subscriber} in applications that consume (see {@link Subscriber} for when that is).
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class)
@ConditionalOnBean(RedisConnectionFactory.class)
@EnableConfigurationProperties(PubSubProperties.class)
public class PubSubAutoConfiguration {

  @Bean
  EventCodec pubSubEventCodec() {
    return new EventCodec();
  }

  @Bean
  @ConditionalOnMissingBean
  Publisher pubSubPublisher(
      RedisConnectionFactory connectionFactory, EventCodec codec, PubSubProperties settings) {
    StringRedisTemplate redis = new StringRedisTemplate(connectionFactory);
    return switch (settings.transport()) {
      case STREAMS -> new StreamsPublisher(redis, codec, settings.stream(), settings.maxLength());
      case PUBSUB -> new ChannelPublisher(redis, codec, settings.channel());
    };
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(ConsumingApplication.class)
  @ConditionalOnBooleanProperty(name = "pubsub.subscriber.enabled", matchIfMissing = true)
  static class SubscriberConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Subscriber pubSubSubscriber(
        RedisConnectionFactory connectionFactory, EventCodec codec, PubSubProperties settings) {
      return switch (settings.transport()) {
        case STREAMS ->
            new StreamsSubscriber(new StringRedisTemplate(connectionFactory), codec, settings);
        case PUBSUB -> new ChannelSubscriber(connectionFactory, codec, settings.channel());
      };
    }

    @Bean
    HandlerBeans pubSubHandlerBeans(
        ConfigurableListableBeanFactory beanFactory, Subscriber subscriber) {
      return new HandlerBeans(beanFactory, subscriber);
    }
  }

  /**
   * An application consumes when it declares handler beans or explicitly enables the subscriber.
   */
  static final class ConsumingApplication extends AnyNestedCondition {

    ConsumingApplication() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(EventHandler.class)
    static final class HasHandlerBeans {}

    @ConditionalOnBooleanProperty("pubsub.subscriber.enabled")
    static final class ExplicitlyEnabled {}
  }
}
