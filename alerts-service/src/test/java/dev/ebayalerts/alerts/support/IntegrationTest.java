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
      "alerts.security.session-secret=test-session-secret-of-at-least-32-characters",
      "alerts.security.operator-api-key=test-operator-api-key-of-at-least-32-characters",
      // tests create many alerts from one IP; the sign-in limit per address is small to trip it
      "alerts.rate-limit.alert-creations-per-ip=100000",
      "alerts.rate-limit.alert-creations-per-address=100000",
      "alerts.rate-limit.sign-in-links-per-ip=100000",
      "alerts.rate-limit.sign-in-links-per-address=3",
      // alert emails: sent soon after they are queued, retried quickly, given up after 3 attempts
      "alerts.mail.poll-interval=200ms",
      "alerts.mail.backoff=1s",
      "alerts.mail.max-backoff=2s",
      "alerts.mail.max-attempts=3",
      // notices: the same, and a channel is disabled after 3 failures in a row
      "alerts.notifier.poll-interval=200ms",
      "alerts.notifier.backoff=1s",
      "alerts.notifier.max-backoff=2s",
      "alerts.notifier.max-failures=3"
    })
@AutoConfigureRestTestClient
@Import(TestInfrastructure.class)
public @interface IntegrationTest {}
