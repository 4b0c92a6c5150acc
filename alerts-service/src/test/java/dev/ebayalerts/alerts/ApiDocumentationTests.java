package dev.ebayalerts.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.testing.ApiDocuments;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@IntegrationTest
class ApiDocumentationTests {

  @Autowired RestTestClient http;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void openApiDocumentIsValidAndListsEveryApiEndpoint() {
    String json = ApiDocuments.served(http);

    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");

    Set<String> documented = new TreeSet<>();
    parsed
        .getOpenAPI()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(method -> documented.add(method + " " + path)));

    Set<String> served = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPathPatternsCondition().getPatternValues().stream()
                    .filter(path -> path.startsWith("/api/"))
                    .forEach(
                        path ->
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> served.add(method + " " + path))));

    assertThat(served).isNotEmpty();
    assertThat(documented).isEqualTo(served);
  }

  @Test
  void openApiDocumentDescribesHowToAuthenticate() {
    var api = new OpenAPIV3Parser().readContents(ApiDocuments.served(http)).getOpenAPI();
    var schemes = api.getComponents().getSecuritySchemes();
    assertThat(schemes).containsKeys("bearer", "sessionCookie", "operatorApiKey");
    assertThat(schemes.get("bearer").getScheme()).isEqualTo("bearer");
    assertThat(schemes.get("sessionCookie").getName()).isEqualTo("alerts_session");
    assertThat(schemes.get("sessionCookie").getIn().toString()).isEqualTo("cookie");
    assertThat(schemes.get("operatorApiKey").getName()).isEqualTo("X-API-Key");
    var list = api.getPaths().get("/api/alerts").getGet();
    assertThat(list.getSecurity())
        .flatExtracting(requirement -> requirement.keySet())
        .contains("bearer", "sessionCookie", "operatorApiKey");
    assertThat(list.getResponses()).containsKey("401");
    assertThat(api.getPaths().get("/api/session/link").getPost().getResponses()).containsKey("429");
  }

  @Test
  void everyOperationDocumentsItsErrorsAsProblemDetails() {
    var api = new OpenAPIV3Parser().readContents(ApiDocuments.served(http)).getOpenAPI();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          assertThat(operation.getSummary()).as(method + " " + path).isNotBlank();
                          assertThat(operation.getResponses().get("400").getContent())
                              .as(method + " " + path)
                              .containsKey("application/problem+json");
                          if (path.contains("{id}")) {
                            assertThat(operation.getResponses()).containsKey("404");
                          }
                        }));
  }

  @Test
  void siteRootLeadsToSwaggerUi() {
    http.get()
        .uri("/")
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .valueMatches("Location", "(https?://[^/]+)?/swagger-ui/index.html");
    http.get()
        .uri("/swagger-ui/index.html")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Swagger UI"));
  }

  @Test
  void readinessIncludesTheDatabase() {
    http.get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.db.status")
        .isEqualTo("UP");
  }
}
