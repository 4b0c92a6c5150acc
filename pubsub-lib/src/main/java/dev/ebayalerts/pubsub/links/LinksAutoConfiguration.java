package dev.ebayalerts.pubsub.links;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The link settings and {@link UnsubscribeLinks} of every service that sends emails linking to
 * alerts-service. Not conditional on the secret being set: a service without it must stop at
 * startup with {@link LinkSettings}' message, not send emails without an unsubscribe link.
 */
@AutoConfiguration
@EnableConfigurationProperties(LinkSettings.class)
public class LinksAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  UnsubscribeLinks unsubscribeLinks(LinkSettings settings) {
    return new UnsubscribeLinks(settings);
  }
}
