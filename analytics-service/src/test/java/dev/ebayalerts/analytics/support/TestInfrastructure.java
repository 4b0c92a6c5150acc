package dev.ebayalerts.analytics.support;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The real infrastructure every integration test runs against. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

  @Bean
  JdbcConnectionDetails analyticsDatabase() {
    return Postgres.forTests();
  }

  @Bean
  DataRedisConnectionDetails redis() {
    return Redis.forTests().connectionDetails();
  }
}
