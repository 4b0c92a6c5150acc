package dev.ebayalerts.ebaymock;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MockConfiguration {

  @Bean
  MockClock mockClock(EbayMockProperties properties) {
    Clock base =
        properties.fixedTime() == null
            ? Clock.systemUTC()
            : Clock.fixed(properties.fixedTime(), ZoneOffset.UTC);
    return new MockClock(base);
  }
}
