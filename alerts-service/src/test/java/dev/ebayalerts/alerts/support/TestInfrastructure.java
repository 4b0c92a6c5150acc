package dev.ebayalerts.alerts.support;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** The real infrastructure every integration test runs against. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

  @Bean
  JdbcConnectionDetails alertsDatabase() {
    return Postgres.forTests();
  }

  /** eBay is a WireMock stub: tests decide what each search returns. */
  @Bean
  DynamicPropertyRegistrar ebayStub() {
    return registry -> registry.add("ebay.base-url", EbayStub::baseUrl);
  }

  /** Webhook, Discord, Slack and Telegram channels post to a WireMock stub. */
  @Bean
  DynamicPropertyRegistrar channelStub() {
    return registry -> {
      registry.add("alerts.telegram.api-base-url", ChannelStub::telegramApi);
      registry.add("alerts.telegram.bot-token", () -> ChannelStub.TELEGRAM_TOKEN);
    };
  }

  /** Alert emails go to a GreenMail SMTP server, which tests read and can stop. */
  @Bean
  DynamicPropertyRegistrar smtp() {
    return registry -> {
      registry.add("spring.mail.host", () -> "127.0.0.1");
      registry.add("spring.mail.port", () -> Smtp.forTests().port());
    };
  }

  @Bean
  DataRedisConnectionDetails redis() {
    return Redis.forTests().connectionDetails();
  }
}
