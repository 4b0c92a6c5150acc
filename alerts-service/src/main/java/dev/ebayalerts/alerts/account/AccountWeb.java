package dev.ebayalerts.alerts.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves the {@link Caller} of each request, and allows the dashboard's origins (only those) to
 * call the API from a browser with its session cookie.
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
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer mavContainer,
              NativeWebRequest webRequest,
              WebDataBinderFactory binderFactory) {
            return sessions.callerOf(webRequest.getNativeRequest(HttpServletRequest.class));
          }
        });
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
