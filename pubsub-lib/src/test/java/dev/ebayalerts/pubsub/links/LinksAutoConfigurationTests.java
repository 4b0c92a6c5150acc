package dev.ebayalerts.pubsub.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class LinksAutoConfigurationTests {

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ValidationAutoConfiguration.class, LinksAutoConfiguration.class));

  @Test
  void makesLinksToTheConfiguredBaseUrl() {
    runner
        .withPropertyValues(
            "alerts.links.base-url=https://alerts.example.com/",
            "alerts.links.secret=" + UnsubscribeLinksTests.SECRET)
        .run(
            context ->
                assertThat(context.getBean(UnsubscribeLinks.class).urlFor(UUID.randomUUID()))
                    .startsWith("https://alerts.example.com/unsubscribe/"));
  }

  @Test
  void aServiceWithoutTheLinkSecretDoesNotStart() {
    runner.run(
        context ->
            assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("ALERTS_LINK_SECRET must be set"));
  }
}
