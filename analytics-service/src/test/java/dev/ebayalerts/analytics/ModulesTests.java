package dev.ebayalerts.analytics;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The top-level packages (access, alert, digest, ingest, insight, observation) are modules: no
 * cycles between them, and none reaches into another's internals (a module's API is the public
 * types of its base package).
 */
class ModulesTests {

  static final ApplicationModules modules = ApplicationModules.of(AnalyticsApplication.class);

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
    modules.verify();
  }

  /** The picture of the modules, in target/spring-modulith-docs. */
  @Test
  void writesTheModulesPicture() {
    new Documenter(modules).writeModulesAsPlantUml();
  }
}
