package dev.ebayalerts.ebay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.client.RestClient;

/**
 * Provides an {@link EbayBrowseClient} configured from {@code ebay.*} ({@link
 * EbayClientProperties}), unless the application defines its own or sets {@code
 * ebay.enabled=false}.
 *
 * <p>Needs a {@link StringRedisTemplate} (Spring Boot provides one from {@code
 * spring.data.redis.*}) for the shared token cache and call budget. Uses the application's {@link
 * RestClient.Builder} and {@link MeterRegistry} when there are ones, so HTTP observations and the
 * {@code ebay.*} metrics show up with the application's own.
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "ebay.enabled", matchIfMissing = true)
// On the class, not the method: an application with its own client needs no ebay.* credentials.
@ConditionalOnMissingBean(EbayBrowseClient.class)
@EnableConfigurationProperties(EbayClientProperties.class)
public class EbayClientAutoConfiguration {

  @Bean
  EbayBrowseClient ebayBrowseClient(
      EbayClientProperties properties,
      StringRedisTemplate redis,
      ObjectProvider<RestClient.Builder> restClientBuilder,
      ObjectProvider<MeterRegistry> meterRegistry) {
    return new DefaultEbayBrowseClient(
        properties,
        restClientBuilder.getIfAvailable(RestClient::builder),
        redis,
        // Without a registry the meters go nowhere.
        meterRegistry.getIfAvailable(CompositeMeterRegistry::new),
        Clock.systemUTC(),
        Sleeper.THREAD);
  }
}
