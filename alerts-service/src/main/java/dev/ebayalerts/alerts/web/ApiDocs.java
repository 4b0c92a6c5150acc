package dev.ebayalerts.alerts.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The OpenAPI description, and the site root leading people to the Swagger UI. */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

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
