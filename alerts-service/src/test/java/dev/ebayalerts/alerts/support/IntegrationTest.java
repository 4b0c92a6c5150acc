package dev.ebayalerts.alerts.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole service over real HTTP against real infrastructure. Every test class using it
 * shares one Spring context (and one database), so classes clean up the rows they rely on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "alerts.outbox.retry-interval=500ms",
      "alerts.outbox.retry-after=1s",
      // tests run fetch cycles themselves
      "alerts.scheduler.enabled=false",
      "ebay.retry.initial-backoff=10ms",
      "ebay.retry.max-backoff=50ms",
      "alerts.links.secret=test-link-secret-of-at-least-32-characters",
      // alert emails: sent soon after they are queued, retried quickly, given up after 3 attempts
      "alerts.mail.poll-interval=200ms",
      "alerts.mail.backoff=1s",
      "alerts.mail.max-backoff=2s",
      "alerts.mail.max-attempts=3"
    })
@AutoConfigureRestTestClient
@Import(TestInfrastructure.class)
public @interface IntegrationTest {}
