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
      // and fold digests themselves, at the ScheduleClock's time
      "alerts.digest.tick=1h",
      "ebay.retry.initial-backoff=10ms",
      "ebay.retry.max-backoff=50ms",
      "alerts.links.secret=" + TestSecrets.LINK,
      "alerts.security.session-secret=" + TestSecrets.SESSION,
      "alerts.security.session-signing-key=" + TestSecrets.SESSION_SIGNING_KEY,
      "alerts.security.operator-api-key=" + TestSecrets.OPERATOR_KEY,
      // tests create many alerts from one IP; the sign-in limit per address is small to trip it
      "alerts.rate-limit.alert-creations-per-ip=100000",
      "alerts.rate-limit.alert-creations-per-address=100000",
      "alerts.rate-limit.sign-in-links-per-ip=100000",
      "alerts.rate-limit.sign-in-links-per-address=3",
      "alerts.rate-limit.start-requests-per-address=100000",
      // tests create many alerts for one address; FairUseTests has its own small limits
      "alerts.fair-use.max-alerts-per-address=100000",
      "alerts.fair-use.max-searches-per-address=100000",
      "alerts.fair-use.ebay-calls-per-address-per-day=100000",
      // deliveries: sent soon after they are queued, retried quickly, parked after 3 attempts
      "alerts.delivery.poll-interval=200ms",
      "alerts.delivery.backoff=1s",
      "alerts.delivery.max-backoff=2s",
      "alerts.delivery.max-attempts=3",
      "alerts.delivery.timeout=2s",
      "alerts.delivery.connect-timeout=1s",
      // tests read the Telegram bot's updates themselves
      "alerts.telegram.poll-interval=1h",
      // the channel stubs listen on localhost; every other private address stays refused
      "alerts.channels.allowed-hosts=localhost"
    })
@AutoConfigureRestTestClient
@Import(TestInfrastructure.class)
public @interface IntegrationTest {}
