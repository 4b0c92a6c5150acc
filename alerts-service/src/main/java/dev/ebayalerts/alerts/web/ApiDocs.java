package dev.ebayalerts.alerts.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI description, and the site root leading people to the Swagger UI. A session is the
 * same signed token either as a bearer token or in the {@code alerts_session} cookie.
 */
@SecurityScheme(
    name = ApiDocs.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The token answered by POST /api/session")
@SecurityScheme(
    name = ApiDocs.COOKIE,
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.COOKIE,
    paramName = "alerts_session",
    description = "HTTP-only session cookie set when signing in")
@SecurityScheme(
    name = ApiDocs.API_KEY,
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    paramName = "X-API-Key",
    description = "Operator API key: lists every alert")
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

  public static final String BEARER = "bearer";
  public static final String COOKIE = "sessionCookie";
  public static final String API_KEY = "operatorApiKey";

  @Bean
  OpenAPI alertsOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("ebay-alerts: alerts API")
                .version("v1")
                .description(
                    "Save eBay searches and get an email when matching listings appear or drop"
                        + " in price. Errors are RFC 9457 problem details; invalid input lists"
                        + " each offending field in `errors`."));
  }

  @Hidden
  @Controller
  static class RootRedirect {

    @GetMapping("/")
    String root() {
      return "redirect:/swagger-ui/index.html";
    }
  }
}
