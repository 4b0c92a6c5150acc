package dev.ebayalerts.analytics;

import dev.ebayalerts.analytics.support.IntegrationTest;
import dev.ebayalerts.testing.ApiDocuments;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The dashboard's API types are generated from a committed copy of this service's OpenAPI document
 * ({@code alerts-frontend/openapi/analytics.json}): the copy must equal what the service serves.
 */
@IntegrationTest
@AutoConfigureRestTestClient
class CommittedApiDocumentTests {

  @Autowired RestTestClient http;

  @Test
  void committedDocumentEqualsTheServedOne() {
    ApiDocuments.assertCommittedEquals(
        ApiDocuments.served(http),
        Path.of("../alerts-frontend/openapi/analytics.json"),
        "analytics-service");
  }

  @Test
  void everyOperationNamesTheTypeOfItsSuccess() {
    ApiDocuments.assertEverySuccessTyped(ApiDocuments.served(http));
  }
}
