package dev.ebayalerts.testing.compose;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.util.unit.DataSize;

/**
 * The settings a running application reads, as names an environment variable can set: every
 * property of its {@code @ConfigurationProperties} beans (its own and Spring Boot's, in Spring
 * Boot's relaxed form: {@code SPRING_DATASOURCE_URL} sets {@code spring.datasource.url}), and every
 * variable its configuration files name in a placeholder ({@code ${REDIS_HOST:localhost}}).
 */
public final class PropertyNames {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)");
  private static final int MAX_DEPTH = 8;

  private final Set<String> variables = new TreeSet<>();
  private final Set<String> mapPrefixes = new TreeSet<>();
  private final Set<String> placeholders = new TreeSet<>();

  private PropertyNames() {}

  /** What {@code context} binds and its configuration files' placeholders name. */
  public static PropertyNames of(ConfigurableApplicationContext context) {
    PropertyNames names = new PropertyNames();
    ConfigurationPropertiesBean.getAll(context)
        .values()
        .forEach(
            bean ->
                names.walk(
                    bean.getAnnotation().prefix().isEmpty()
                        ? bean.getAnnotation().value()
                        : bean.getAnnotation().prefix(),
                    bean.asBindTarget().getType().resolve(Object.class),
                    new HashSet<>(),
                    0));
    context
        .getEnvironment()
        .getPropertySources()
        .forEach(
            source -> {
              if (source instanceof OriginTrackedMapPropertySource file) {
                names.addPlaceholders(file);
              }
            });
    return names;
  }

  /** Whether the environment variable {@code name} sets something the application reads. */
  public boolean binds(String name) {
    if (placeholders.contains(name) || variables.contains(name)) {
      return true;
    }
    return mapPrefixes.stream().anyMatch(prefix -> name.startsWith(prefix + "_"));
  }

  private void addPlaceholders(EnumerablePropertySource<?> file) {
    for (String property : file.getPropertyNames()) {
      if (file.getProperty(property) instanceof CharSequence value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        while (placeholder.find()) {
          placeholders.add(placeholder.group(1));
        }
      }
    }
  }

  private void walk(String prefix, Class<?> type, Set<Class<?>> visiting, int depth) {
    if (depth > MAX_DEPTH || !visiting.add(type)) {
      return;
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        property(
            prefix,
            component.getName(),
            component.getType(),
            component.getGenericType(),
            visiting,
            depth);
      }
    } else {
      boolean setters = false;
      for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
        if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
          continue;
        }
        setters |= descriptor.getWriteMethod() != null;
        if (descriptor.getWriteMethod() != null || !simple(descriptor.getPropertyType())) {
          property(
              prefix,
              descriptor.getName(),
              descriptor.getPropertyType(),
              descriptor.getReadMethod().getGenericReturnType(),
              visiting,
              depth);
        }
      }
      if (!setters) {
        // constructor binding: the parameters are the properties
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
          for (Parameter parameter : constructor.getParameters()) {
            if (parameter.isNamePresent()) {
              property(
                  prefix,
                  parameter.getName(),
                  parameter.getType(),
                  parameter.getParameterizedType(),
                  visiting,
                  depth);
            }
          }
        }
      }
    }
    visiting.remove(type);
  }

  private void property(
      String prefix,
      String javaName,
      Class<?> type,
      Type genericType,
      Set<Class<?>> visiting,
      int depth) {
    String name = prefix + "." + dashed(javaName);
    if (Map.class.isAssignableFrom(type)) {
      mapPrefixes.addAll(variables(name));
    } else if (Optional.class.equals(type)) {
      Class<?> element = ResolvableType.forType(genericType).getGeneric(0).resolve(Object.class);
      property(prefix, javaName, element, element, visiting, depth);
    } else if (simple(type)) {
      variables.addAll(variables(name));
    } else {
      variables.addAll(variables(name));
      walk(name, type, visiting, depth + 1);
    }
  }

  private static boolean simple(Class<?> type) {
    return BeanUtils.isSimpleValueType(type)
        || type.isArray()
        || type.isInterface()
        || Collection.class.isAssignableFrom(type)
        || type.getName().startsWith("java.")
        || type.getName().startsWith("javax.")
        || type.getName().startsWith("jakarta.")
        || Set.of(
                Duration.class,
                Period.class,
                DataSize.class,
                Charset.class,
                ZoneId.class,
                Locale.class)
            .contains(type);
  }

  /** {@code insightsWindow} as Spring Boot names it: {@code insights-window}. */
  private static String dashed(String javaName) {
    return javaName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /**
   * The environment variables Spring Boot reads for a property: dots become {@code _} and dashes go
   * ({@code ALERTS_SCHEDULER_FETCHCONCURRENCY}), or, the older form it still reads, dashes become
   * {@code _} too ({@code ALERTS_SCHEDULER_FETCH_CONCURRENCY}).
   */
  static Set<String> variables(String property) {
    String upper = property.replace('.', '_').toUpperCase(Locale.ROOT);
    return new TreeSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
  }

  @Override
  public String toString() {
    return "PropertyNames[" + variables.size() + " variables, " + placeholders + "]";
  }
}
