package dev.ebayalerts.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiDocumentsTests {

  private static String document(String responses) {
    return """
        {"openapi":"3.1.0","paths":{"/api/things":{"get":{"responses":%s}}}}"""
        .formatted(responses);
  }

  private static String json(String schema) {
    return """
        {"content":{"application/json":{"schema":%s}}}"""
        .formatted(schema);
  }

  @Test
  void acceptsNamedSchemasListsOfThemAndBodilessSuccesses() {
    assertThatCode(
            () ->
                ApiDocuments.assertEverySuccessTyped(
                    document(
                        """
                        {"200":%s,"201":%s,"204":{"description":"Gone"},
                         "400":{"description":"Bad"}}"""
                            .formatted(
                                json("{\"$ref\":\"#/components/schemas/Thing\"}"),
                                json(
                                    "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Thing\"}}")))))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAnOperationWithoutASuccess() {
    assertThatThrownBy(
            () ->
                ApiDocuments.assertEverySuccessTyped(
                    document("{\"400\":{\"description\":\"Bad\"}}")))
        .hasMessageContaining("GET /api/things: no 2xx response");
  }

  @Test
  void rejectsABareObjectBody() {
    assertThatThrownBy(
            () ->
                ApiDocuments.assertEverySuccessTyped(
                    document("{\"201\":%s}".formatted(json("{\"type\":\"object\"}")))))
        .hasMessageContaining("GET /api/things 201 application/json");
  }

  @Test
  void rejectsAListOfBareObjects() {
    assertThatThrownBy(
            () ->
                ApiDocuments.assertEverySuccessTyped(
                    document(
                        "{\"200\":%s}"
                            .formatted(
                                json("{\"type\":\"array\",\"items\":{\"type\":\"object\"}}")))))
        .hasMessageContaining("GET /api/things 200");
  }
}
