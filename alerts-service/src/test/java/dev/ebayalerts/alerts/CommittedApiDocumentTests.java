package dev.ebayalerts.alerts;

import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.testing.ApiDocuments;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The dashboard's API types are generated from a committed copy of this service's OpenAPI document
 * ({@code alerts-frontend/openapi/alerts.json}): the copy must equal what the service serves.
 */
@IntegrationTest
class CommittedApiDocumentTests {

  @Autowired RestTestClient http;

  @Test
  void committedDocumentEqualsTheServedOne() {
    ApiDocuments.assertCommittedEquals(
        ApiDocuments.served(http),
        Path.of("../alerts-frontend/openapi/alerts.json"),
        "alerts-service");
  }

  @Test
  void everyOperationNamesTheTypeOfItsSuccess() {
    ApiDocuments.assertEverySuccessTyped(ApiDocuments.served(http));
  }
}
