package dev.ebayalerts.pubsub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers a parameter of a service's own caller type, made from the request's {@link
 * SessionCredentials}. Only the reading of the request is shared: each service decides who a caller
 * is (alerts-service lets anonymous callers through, analytics-service answers them 401).
 *
 * @param <C> the service's caller type
 */
public final class CallerResolver<C> implements HandlerMethodArgumentResolver {

  private final Class<C> type;
  private final Function<SessionCredentials, C> caller;

  /**
   * @param caller who presents these credentials; may throw an error response
   */
  public CallerResolver(Class<C> type, Function<SessionCredentials, C> caller) {
    this.type = type;
    this.caller = caller;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == type;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    return caller.apply(
        SessionCredentials.of(webRequest.getNativeRequest(HttpServletRequest.class)));
  }
}
