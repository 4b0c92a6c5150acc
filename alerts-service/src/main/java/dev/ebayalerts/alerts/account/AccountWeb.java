package dev.ebayalerts.alerts.account;

import dev.ebayalerts.pubsub.security.CallerResolver;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves the {@link Caller} of each request (anonymous without a live session: public pages and
 * sign-in take one too), and allows the dashboard's origins (only those) to call the API from a
 * browser with its session cookie.
 */
@Configuration(proxyBeanMethods = false)
class AccountWeb implements WebMvcConfigurer {

  private final Sessions sessions;
  private final SecuritySettings settings;

  AccountWeb(Sessions sessions, SecuritySettings settings) {
    this.sessions = sessions;
    this.settings = settings;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerResolver<>(Caller.class, sessions::callerOf));
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry
        .addMapping("/api/**")
        .allowedOrigins(settings.allowedOrigins().toArray(String[]::new))
        .allowedMethods("GET", "POST", "PUT", "PATCH", "DELETE")
        .allowedHeaders("Content-Type", "Authorization", "If-Match")
        .exposedHeaders("Location", "Retry-After")
        .allowCredentials(true)
        .maxAge(3600);
  }
}
