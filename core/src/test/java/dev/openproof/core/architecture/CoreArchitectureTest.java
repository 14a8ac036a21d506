package dev.openproof.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Core is the centre of the hexagon: it knows no adapter technology, and its layers point inwards. */
@AnalyzeClasses(packages = "dev.openproof.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule coreKnowsNoAdapterTechnology = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "com.nimbusds..", "com.fasterxml.jackson..", "jakarta.mail..", "org.eclipse.angus..",
          "java.sql..", "javax.sql..", "org.h2..", "org.postgresql..")
      .because("core depends on the JDK and Jakarta Validation only; adapters live in their own modules");

  @ArchTest
  static final ArchRule corePackagesAreFreeOfCycles = slices()
      .matching("dev.openproof.core.(*)..")
      .should().beFreeOfCycles()
      .because("each package of core can be read, and changed, knowing only those below it");

  @ArchTest
  static final ArchRule theRulesKnowNoModelType = noClasses()
      .that().resideInAPackage("dev.openproof.core.constraint..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.openproof.core.model..", "dev.openproof.core.validation..");

  @ArchTest
  static final ArchRule portsHoldOnlyInterfaces = classes()
      .that().resideInAPackage("dev.openproof.core.port..")
      .should().beInterfaces()
      .because("the values the ports carry live in dev.openproof.core.exchange");

  @ArchTest
  static final ArchRule theModelKnowsNoWorkflowNorAdapters = noClasses()
      .that().resideInAPackage("dev.openproof.core.model..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "dev.openproof.core.port..", "dev.openproof.core.exchange..", "dev.openproof.core.event..",
          "dev.openproof.core.validation..", "dev.openproof.core.fulfillment..", "dev.openproof.core.memory..");

  @ArchTest
  static final ArchRule portsDoNotDependOnTheirImplementations = noClasses()
      .that().resideInAPackage("dev.openproof.core.port..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.openproof.core.fulfillment..", "dev.openproof.core.memory..");

  @ArchTest
  static final ArchRule defaultAdaptersDoNotDriveTheWorkflow = noClasses()
      .that().resideInAPackage("dev.openproof.core.memory..")
      .should().dependOnClassesThat().resideInAPackage("dev.openproof.core.fulfillment..");
}
