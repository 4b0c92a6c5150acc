package dev.ebayalerts.pubsub;

import java.lang.reflect.TypeVariable;
import java.util.Map;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

/**
 * Subscribes every {@link EventHandler} bean for the event type it declares. Runs after all
 * singletons exist and before lifecycle beans start, so no message is consumed before its handler
 * is registered, and handlers may depend on anything (even the {@link Subscriber}).
 */
final class HandlerBeans implements SmartInitializingSingleton {

  private final ConfigurableListableBeanFactory beanFactory;
  private final Subscriber subscriber;

  HandlerBeans(ConfigurableListableBeanFactory beanFactory, Subscriber subscriber) {
    this.beanFactory = beanFactory;
    this.subscriber = subscriber;
  }

  @Override
  public void afterSingletonsInstantiated() {
    @SuppressWarnings("rawtypes")
    Map<String, EventHandler> beans = beanFactory.getBeansOfType(EventHandler.class);
    beans.forEach((name, handler) -> register(eventType(name, handler), handler));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void register(Class<? extends Event> type, EventHandler handler) {
    subscriber.subscribe((Class) type, handler);
  }

  /**
   * The handler's type argument, taken from its class or, for a lambda returned by a {@code @Bean}
   * method, from the method's declared return type.
   */
  private Class<? extends Event> eventType(String name, EventHandler<?> handler) {
    Class<?> type = declaredEventType(ResolvableType.forClass(AopUtils.getTargetClass(handler)));
    if (type == null
        && beanFactory.containsBeanDefinition(name)
        && beanFactory.getMergedBeanDefinition(name) instanceof RootBeanDefinition definition) {
      type = declaredEventType(definition.getResolvableType());
    }
    if (type == null || !Event.class.isAssignableFrom(type)) {
      throw new IllegalStateException(
          ("Cannot tell which events handler bean '%s' wants: declare it as EventHandler<SomeEvent>"
                  + " (use EventHandler<Event> for all events)")
              .formatted(name));
    }
    return type.asSubclass(Event.class);
  }

  /**
   * The type argument actually written in the source, or {@code null}. Lambdas and raw types leave
   * the type variable unbound, which {@link ResolvableType#resolve()} would silently turn into its
   * bound ({@link Event}), subscribing the handler to events it cannot take.
   */
  private static Class<?> declaredEventType(ResolvableType type) {
    // A BatchEventHandler's argument is written on that interface; seen from EventHandler it is
    // only BatchEventHandler's own type variable.
    ResolvableType batch = type.as(BatchEventHandler.class);
    ResolvableType handler = batch == ResolvableType.NONE ? type.as(EventHandler.class) : batch;
    ResolvableType argument = handler.getGeneric(0);
    return argument.getType() instanceof TypeVariable<?> ? null : argument.resolve();
  }
}
