package dev.ebayalerts.analytics.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole service against real PostgreSQL and Redis. Every class using it shares one
 * Spring context; redelivery is made quick (a stalled message is claimed after 2 seconds).
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
      "pubsub.max-deliveries=3"
    })
@Import(TestInfrastructure.class)
public @interface IntegrationTest {}
