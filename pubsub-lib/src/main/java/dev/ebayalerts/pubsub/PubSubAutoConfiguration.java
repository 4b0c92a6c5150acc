package dev.ebayalerts.pubsub;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * Subscriber} in applications that consume (see {@link Subscriber} for when that is). With the
 * Streams transport every application also runs a {@link StreamTrimmer}, which trims the stream
 * safely and refreshes the stream gauges. Meters go to the application's {@link MeterRegistry} when
 * it has one.
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
  PubSubMetrics pubSubMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
    return new PubSubMetrics(meterRegistry.getIfAvailable(CompositeMeterRegistry::new));
  }

  @Bean
  @ConditionalOnMissingBean
  Publisher pubSubPublisher(
      RedisConnectionFactory connectionFactory,
      EventCodec codec,
      PubSubProperties settings,
      PubSubMetrics metrics) {
    StringRedisTemplate redis = new StringRedisTemplate(connectionFactory);
    return switch (settings.transport()) {
      case STREAMS -> new StreamsPublisher(redis, codec, settings, metrics);
      case PUBSUB -> new ChannelPublisher(redis, codec, settings.channel(), metrics);
    };
  }

  @Bean
  @ConditionalOnProperty(name = "pubsub.transport", havingValue = "streams", matchIfMissing = true)
  StreamTrimmer pubSubStreamTrimmer(
      RedisConnectionFactory connectionFactory, PubSubProperties settings, PubSubMetrics metrics) {
    return new StreamTrimmer(new StringRedisTemplate(connectionFactory), settings, metrics);
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(ConsumingApplication.class)
  @ConditionalOnBooleanProperty(name = "pubsub.subscriber.enabled", matchIfMissing = true)
  static class SubscriberConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Subscriber pubSubSubscriber(
        RedisConnectionFactory connectionFactory,
        EventCodec codec,
        PubSubProperties settings,
        PubSubMetrics metrics) {
      return switch (settings.transport()) {
        case STREAMS ->
            new StreamsSubscriber(
                new StringRedisTemplate(connectionFactory), codec, settings, metrics);
        case PUBSUB -> new ChannelSubscriber(connectionFactory, codec, settings.channel(), metrics);
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
