package dev.ebayalerts.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "dev.ebayalerts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  /** Services talk through events and HTTP, never through each other's code. */
  @ArchTest
  static final ArchRule doesNotDependOnOtherServices =
      noClasses()
          .that()
          .resideInAPackage("dev.ebayalerts.analytics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.ebayalerts.alerts..", "dev.ebayalerts.ebaymock..");

  /** The shared library on this classpath knows no service. */
  @ArchTest
  static final ArchRule libraryDoesNotDependOnServices =
      noClasses()
          .that()
          .resideInAPackage("dev.ebayalerts.pubsub..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.ebayalerts.alerts..", "dev.ebayalerts.analytics..");

  /** Controllers are details of their feature. */
  @ArchTest
  static final ArchRule controllersArePackagePrivate =
      classes().that().areAnnotatedWith(RestController.class).should().notBePublic();
}
