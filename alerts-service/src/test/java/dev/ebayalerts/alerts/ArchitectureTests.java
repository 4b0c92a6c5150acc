package dev.ebayalerts.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "dev.ebayalerts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  /** Services talk through events and HTTP, never through each other's code. */
  @ArchTest
  static final ArchRule doesNotDependOnOtherServices =
      noClasses()
          .that()
          .resideInAPackage("dev.ebayalerts.alerts..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.ebayalerts.analytics..", "dev.ebayalerts.ebaymock..");

  /**
   * Libraries are shared by services, so they may not know any of them. Checked on the libraries
   * this service has on its classpath (pubsub-lib, ebay-client).
   */
  @ArchTest
  static final ArchRule librariesDoNotDependOnServices =
      noClasses()
          .that()
          .resideInAnyPackage("dev.ebayalerts.pubsub..", "dev.ebayalerts.ebay..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.ebayalerts.alerts..", "dev.ebayalerts.analytics..", "dev.ebayalerts.ebaymock..");

  /**
   * The notifier is called by fetch runs and does not know them, so rules stay in one place instead
   * of spreading through the scheduler. (It reads an alert's rules, which the alert owns; that no
   * module depends back on it is {@link ModulesTests}'s check for cycles.)
   */
  @ArchTest
  static final ArchRule notifierDoesNotDependOnItsCaller =
      noClasses()
          .that()
          .resideInAPackage("dev.ebayalerts.alerts.notifier..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.ebayalerts.alerts.fetch..");

  /** Delivery sends what it is given; it knows neither the rules nor the runs that decided it. */
  @ArchTest
  static final ArchRule deliveryDoesNotDependOnItsCallers =
      noClasses()
          .that()
          .resideInAPackage("dev.ebayalerts.alerts.delivery..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.ebayalerts.alerts.notifier..", "dev.ebayalerts.alerts.fetch..");

  /** Controllers and entities are details of their feature. */
  @ArchTest
  static final ArchRule controllersAndEntitiesArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .or()
          .areAnnotatedWith(Entity.class)
          .should()
          .notBePublic();

  /** Entities never leave their feature package: the web layer answers with records. */
  @ArchTest
  static final ArchRule entitiesStayInTheirFeature =
      classes()
          .that()
          .areAnnotatedWith(Entity.class)
          .should()
          .onlyBeAccessed()
          .byClassesThat()
          .resideInAPackage("dev.ebayalerts.alerts.alert..");
}
