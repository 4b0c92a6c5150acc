package dev.ebayalerts.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ebayalerts.testing.Redis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class PubSubAutoConfigurationTests {

  private final String stream = "events-" + UUID.randomUUID();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataRedisAutoConfiguration.class, PubSubAutoConfiguration.class))
          .withPropertyValues(
              "spring.data.redis.host=127.0.0.1",
              "spring.data.redis.port=" + Redis.forTests().port(),
              "pubsub.stream=" + stream,
              "pubsub.dead-letter-stream=" + stream + ".dlq",
              "pubsub.channel=" + stream,
              "pubsub.poll-timeout=100ms");

  @Test
  void publishingApplicationGetsAStreamsPublisherAndNoSubscriber() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(Publisher.class).doesNotHaveBean(Subscriber.class);
          assertThat(context.getBean(Publisher.class)).isInstanceOf(StreamsPublisher.class);
          // Publishers trim too, so trimming and the hard-cap warning go on while consumers are
          // down.
          assertThat(context.getBean(StreamTrimmer.class).isRunning()).isTrue();
        });
  }

  @Test
  void pubSubTransportIsChosenByConfiguration() {
    runner
        .withPropertyValues("pubsub.transport=pubsub")
        .withUserConfiguration(ListingsHandlerConfiguration.class)
        .run(
            context -> {
              assertThat(context.getBean(Publisher.class)).isInstanceOf(ChannelPublisher.class);
              assertThat(context.getBean(Subscriber.class)).isInstanceOf(ChannelSubscriber.class);
              assertThat(context).doesNotHaveBean(StreamTrimmer.class);
            });
  }

  @Test
  void handlerBeansReceiveTheEventsTheyDeclare() {
    runner
        .withUserConfiguration(ListingsHandlerConfiguration.class, LambdaHandlerConfiguration.class)
        .run(
            context -> {
              assertThat(context.getBean(Subscriber.class)).isInstanceOf(StreamsSubscriber.class);
              assertThat(context.getBean(StreamsSubscriber.class).isRunning()).isTrue();
              Publisher publisher = context.getBean(Publisher.class);
              ListingsObserved listings = TestEvents.listingsObserved();
              AlertCreated created = TestEvents.alertCreated();

              publisher.publish(TestEvents.alertDeleted());
              publisher.publish(created);
              publisher.publish(listings);

              RecordingListingsHandler listingsHandler =
                  context.getBean(RecordingListingsHandler.class);
              LambdaHandlerConfiguration lambdas =
                  context.getBean(LambdaHandlerConfiguration.class);
              await().untilAsserted(() -> assertThat(listingsHandler.received).contains(listings));
              await().untilAsserted(() -> assertThat(lambdas.created).contains(created));
              assertThat(listingsHandler.received).containsExactly(listings);
            });
  }

  @Test
  void aBatchHandlerBeanReceivesTheEventsItDeclares() {
    runner
        .withUserConfiguration(BatchHandlerConfiguration.class)
        .run(
            context -> {
              Publisher publisher = context.getBean(Publisher.class);
              AlertCreated created = TestEvents.alertCreated();
              publisher.publish(TestEvents.alertDeleted());
              publisher.publish(created);
              publisher.publish(TestEvents.listingsObserved());

              RecordingCreatedBatchHandler handler =
                  context.getBean(RecordingCreatedBatchHandler.class);
              await().untilAsserted(() -> assertThat(handler.received).contains(created));
              assertThat(handler.received).containsExactly(created);
            });
  }

  @Test
  void metersGoToTheApplicationsRegistry() {
    runner
        .withBean(SimpleMeterRegistry.class)
        .withPropertyValues("pubsub.trim-interval=50ms")
        .run(
            context -> {
              SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);

              context.getBean(Publisher.class).publish(TestEvents.alertCreated());

              assertThat(meters.get("pubsub.published").counter().count()).isEqualTo(1);
              await()
                  .untilAsserted(
                      () ->
                          assertThat(
                                  meters
                                      .get("pubsub.stream.length")
                                      .tag("stream", stream)
                                      .gauge()
                                      .value())
                              .isEqualTo(1));
            });
  }

  @Test
  void subscriberCanBeEnabledWithoutHandlerBeans() {
    runner
        .withPropertyValues("pubsub.subscriber.enabled=true")
        .run(context -> assertThat(context).hasSingleBean(Subscriber.class));
  }

  @Test
  void subscriberCanBeDisabledDespiteHandlerBeans() {
    runner
        .withPropertyValues("pubsub.subscriber.enabled=false")
        .withUserConfiguration(ListingsHandlerConfiguration.class)
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(Publisher.class)
                    .doesNotHaveBean(Subscriber.class));
  }

  @Test
  void backsOffWithoutRedis() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class))
        .withUserConfiguration(ListingsHandlerConfiguration.class)
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(Publisher.class)
                    .doesNotHaveBean(Subscriber.class));
  }

  @Test
  void applicationPublisherReplacesTheDefault() {
    runner
        .withBean(Publisher.class, () -> event -> {})
        .run(
            context ->
                assertThat(context.getBean(Publisher.class))
                    .isNotInstanceOf(StreamsPublisher.class));
  }

  @Test
  void documentedDefaultsApply() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(DataRedisAutoConfiguration.class, PubSubAutoConfiguration.class))
        .run(
            context -> {
              PubSubProperties settings = context.getBean(PubSubProperties.class);
              assertThat(settings.transport()).isEqualTo(PubSubProperties.Transport.STREAMS);
              assertThat(settings.stream()).isEqualTo("ebay-alerts.events");
              assertThat(settings.deadLetterStream()).isEqualTo("ebay-alerts.events.dlq");
              assertThat(settings.group()).isEqualTo("analytics");
              assertThat(settings.consumerName()).isNotBlank();
              assertThat(settings.maxLength()).isEqualTo(1_000_000);
              assertThat(settings.maxMemoryFill()).isEqualTo(0.75);
              assertThat(settings.trimInterval()).isEqualTo(Duration.ofSeconds(30));
              assertThat(settings.maxDeliveries()).isEqualTo(5);
              assertThat(settings.claimIdle()).isEqualTo(Duration.ofSeconds(60));
              assertThat(settings.claimInterval()).isEqualTo(Duration.ofSeconds(5));
              assertThat(settings.pollTimeout()).isEqualTo(Duration.ofSeconds(1));
              assertThat(settings.batchSize()).isEqualTo(10);
              assertThat(settings.channel()).isEqualTo("ebay-alerts.events");
              assertThat(settings.subscriber().enabled()).isNull();
            });
  }

  @Test
  void instancesGetDistinctDefaultConsumerNames() {
    runner.run(
        first ->
            runner.run(
                second ->
                    assertThat(first.getBean(PubSubProperties.class).consumerName())
                        .isNotEqualTo(second.getBean(PubSubProperties.class).consumerName())));
  }

  @Test
  void rejectsInvalidSettings() {
    runner
        .withPropertyValues("pubsub.max-deliveries=0")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("maxDeliveries"));
    runner
        .withPropertyValues("pubsub.claim-idle=0s")
        .run(context -> assertThat(context).hasFailed());
    for (String fill : List.of("0", "1.5")) {
      runner
          .withPropertyValues("pubsub.max-memory-fill=" + fill)
          .run(
              context ->
                  assertThat(context)
                      .hasFailed()
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("maxMemoryFill"));
    }
    runner
        .withPropertyValues("pubsub.dead-letter-stream=" + stream)
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("must differ from pubsub.stream"));
  }

  @Test
  void refusesAHandlerBeanWhoseEventTypeCannotBeTold() {
    runner
        .withUserConfiguration(RawHandlerConfiguration.class)
        .run(
            context ->
                assertThat(context).hasFailed().getFailure().hasMessageContaining("'rawHandler'"));
  }

  static class RecordingListingsHandler implements EventHandler<ListingsObserved> {

    final List<Event> received = new CopyOnWriteArrayList<>();

    @Override
    public void on(ListingsObserved event) {
      received.add(event);
    }
  }

  static class RecordingCreatedBatchHandler implements BatchEventHandler<AlertCreated> {

    final List<Event> received = new CopyOnWriteArrayList<>();

    @Override
    public void on(AlertCreated event) {
      received.add(event);
    }

    @Override
    public void onBatch(List<AlertCreated> events) {
      received.addAll(events);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Import(RecordingCreatedBatchHandler.class)
  static class BatchHandlerConfiguration {}

  @Configuration(proxyBeanMethods = false)
  @Import(RecordingListingsHandler.class)
  static class ListingsHandlerConfiguration {}

  @Configuration(proxyBeanMethods = false)
  static class LambdaHandlerConfiguration {

    final List<AlertCreated> created = new CopyOnWriteArrayList<>();

    @Bean
    EventHandler<AlertCreated> alertCreatedHandler() {
      return created::add;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class RawHandlerConfiguration {

    @Bean
    @SuppressWarnings("rawtypes")
    EventHandler rawHandler() {
      return event -> {};
    }
  }
}
