package dev.ebayalerts.analytics.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole service against real PostgreSQL, Redis and SMTP (GreenMail). Every class
 * using it shares one Spring context; redelivery is made quick (a stalled message is claimed after
 * 2 seconds).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "pubsub.claim-idle=2s",
      "pubsub.claim-interval=500ms",
      "pubsub.poll-timeout=200ms",
      "pubsub.batch-size=100",
      "pubsub.max-deliveries=3",
      // tests generate insight digests themselves; stored ones are sent soon and retried quickly
      "analytics.digest.enabled=false",
      "analytics.digest.poll-interval=200ms",
      "analytics.digest.backoff=1s",
      "analytics.digest.max-backoff=2s",
      "analytics.digest.max-attempts=3",
      // the secret of the unsubscribe token vector that pubsub-lib checks (DigestFixtures)
      "alerts.links.secret=a-secret-of-at-least-thirty-two-characters",
      "alerts.links.base-url=https://alerts.example.com"
    })
@Import(TestInfrastructure.class)
public @interface IntegrationTest {}
