package dev.ebayalerts.ebay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.testing.Redis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EbayClientAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataRedisAutoConfiguration.class, EbayClientAutoConfiguration.class))
          .withPropertyValues(
              "spring.data.redis.host=127.0.0.1",
              "spring.data.redis.port=" + Redis.forTests().port());

  @Test
  void providesAClientThatSearchesTheConfiguredEbay() {
    Redis.forTests().flush();
    runner
        .withBean(SimpleMeterRegistry.class)
        .withPropertyValues(
            "ebay.client-id=" + EbayMockServer.CLIENT_ID,
            "ebay.client-secret=" + EbayMockServer.CLIENT_SECRET,
            "ebay.base-url=" + EbayMockServer.baseUrl())
        .run(
            context -> {
              assertThat(context).hasSingleBean(EbayBrowseClient.class);
              EbayBrowseClient client = context.getBean(EbayBrowseClient.class);

              assertThat(client.search(SearchRequest.builder("drone").limit(5).build()).items())
                  .isNotEmpty();
              assertThat(client.budget().used()).isEqualTo(1);
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.get("ebay.budget.remaining").gauge().value()).isEqualTo(4999);
              assertThat(meters.get("ebay.calls").tag("outcome", "success").counter().count())
                  .isEqualTo(1);
            });
  }

  @Test
  void appliesEbaysDefaults() {
    runner
        .withPropertyValues("ebay.client-id=id", "ebay.client-secret=secret")
        .run(
            context -> {
              EbayClientProperties properties = context.getBean(EbayClientProperties.class);
              assertThat(properties.environment()).isEqualTo(EbayClientProperties.Environment.MOCK);
              assertThat(properties.resolvedBaseUrl())
                  .isEqualTo(URI.create("http://localhost:8090"));
              assertThat(properties.marketplaceId()).isEqualTo("EBAY_US");
              assertThat(properties.dailyCallBudget()).isEqualTo(5000);
              assertThat(properties.tokenRefreshMargin()).isEqualTo(Duration.ofMinutes(5));
              assertThat(properties.retry().maxAttempts()).isEqualTo(3);
              assertThat(properties.retry().maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
            });
  }

  @Test
  void knowsTheBaseUrlsOfEbaysEnvironments() {
    runner
        .withPropertyValues(
            "ebay.client-id=id", "ebay.client-secret=secret", "ebay.environment=sandbox")
        .run(
            context ->
                assertThat(context.getBean(EbayClientProperties.class).resolvedBaseUrl())
                    .isEqualTo(URI.create("https://api.sandbox.ebay.com")));
    assertThat(EbayClientProperties.Environment.PRODUCTION.baseUrl())
        .isEqualTo(URI.create("https://api.ebay.com"));
  }

  @Test
  void refusesToStartWithoutCredentials() {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure())
              .rootCause()
              .hasMessageContaining("ebay")
              .hasMessageContaining("clientId")
              .hasMessageContaining("clientSecret");
        });
  }

  @Test
  void keepsTheSecretOutOfItsDescription() {
    runner
        .withPropertyValues("ebay.client-id=id", "ebay.client-secret=s3cr3t-value")
        .run(
            context ->
                assertThat(context.getBean(EbayClientProperties.class).toString())
                    .contains("clientId=id")
                    .doesNotContain("s3cr3t-value"));
  }

  @Test
  void staysOutOfTheWayWhenDisabled() {
    runner
        .withPropertyValues("ebay.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EbayBrowseClient.class));
  }

  @Test
  void backsOffForTheApplicationsOwnClient() {
    EbayBrowseClient own =
        new EbayBrowseClient() {
          @Override
          public SearchResult search(SearchRequest request) {
            return new SearchResult(List.of(), 0, false, List.of(), 0);
          }

          @Override
          public BudgetStatus budget() {
            return new BudgetStatus(0, 1, Instant.EPOCH);
          }
        };
    runner
        .withBean(EbayBrowseClient.class, () -> own)
        .run(context -> assertThat(context).getBean(EbayBrowseClient.class).isSameAs(own));
  }
}
