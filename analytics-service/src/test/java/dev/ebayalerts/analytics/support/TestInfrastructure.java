package dev.ebayalerts.analytics.support;

import dev.ebayalerts.testing.Postgres;
import dev.ebayalerts.testing.Redis;
import dev.ebayalerts.testing.Smtp;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** The real infrastructure every integration test runs against. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

  @Bean
  JdbcConnectionDetails analyticsDatabase() {
    // as in application.yml: the driver turns batched inserts into multi-row inserts
    return Postgres.withParameters(Postgres.forTests(), "reWriteBatchedInserts=true");
  }

  /** Insight emails go to a GreenMail SMTP server, which tests read and can stop. */
  @Bean
  DynamicPropertyRegistrar smtp() {
    return registry -> {
      registry.add("spring.mail.host", () -> "127.0.0.1");
      registry.add("spring.mail.port", () -> Smtp.forTests().port());
    };
  }

  /** The secrets alerts-service would share; {@link Sessions} signs in with them. */
  @Bean
  DynamicPropertyRegistrar sessions() {
    return registry -> {
      registry.add("analytics.security.session-verify-key", () -> Sessions.VERIFY_KEY);
      registry.add("analytics.security.operator-api-key", () -> Sessions.OPERATOR_KEY);
    };
  }

  @Bean
  DataRedisConnectionDetails redis() {
    return Redis.forTests().connectionDetails();
  }
}
