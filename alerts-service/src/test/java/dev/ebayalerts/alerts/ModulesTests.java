package dev.ebayalerts.alerts;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features of alerts-service as Spring Modulith modules: no dependency cycles between them, and
 * none reaches into another's internals. Reads the compiled classes only (no Spring context).
 */
class ModulesTests {

  @Test
  void featureModulesHaveNoCyclesAndUseOnlyEachOthersApi() {
    ApplicationModules.of(AlertsApplication.class).verify();
  }
}
