package dev.ebayalerts.alerts.support;

import dev.ebayalerts.testing.Postgres;
import dev.ebayalerts.testing.Redis;
import dev.ebayalerts.testing.Smtp;
import java.util.List;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.context.WebApplicationContext;

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

  /**
   * The tests' HTTP client on the JDK's HttpClient, which keeps no cookies: with Apache HttpClient
   * on the class path (the delivery outbox uses it) the default client would keep the session
   * cookie of one test's sign-in and send it with every later test's requests.
   */
  @Bean
  RestTestClient restTestClient(
      WebApplicationContext context, List<RestTestClientBuilderCustomizer> customizers) {
    RestTestClient.Builder<?> builder =
        RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
            .uriBuilderFactory(LocalTestWebServer.get(context).uriBuilderFactory());
    customizers.forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /** Channel URLs may name hosts under .dns.test, whose answers tests decide. */
  @Bean
  TestDns testDns() {
    return new TestDns();
  }

  /**
   * The digests' clock, which tests move across slots. Not a default candidate: every other {@code
   * Clock} injection keeps the service's system clock.
   */
  @Bean(defaultCandidate = false)
  ScheduleClock scheduleClock() {
    return new ScheduleClock();
  }

  @Bean
  DataRedisConnectionDetails redis() {
    return Redis.forTests().connectionDetails();
  }
}
