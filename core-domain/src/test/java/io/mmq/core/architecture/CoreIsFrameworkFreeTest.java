package io.mmq.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps core-domain framework-free: its production classes use nothing of gRPC, protobuf,
 * TensorFlow, JDBC, Guice, jakarta/javax inject, HikariCP, Flyway, database drivers, picocli or
 * SLF4J, and the domain's {@code model} packages never reach into {@code service} packages. The
 * last tests prove the rules fire on test-only classes that break them.
 */
class CoreIsFrameworkFreeTest {
  static final String[] FRAMEWORK_PACKAGES = {
    "io.grpc..",
    "com.google.protobuf..",
    "org.tensorflow..",
    "java.sql..",
    "javax.sql..",
    "com.google.inject..",
    "jakarta.inject..",
    "javax.inject..",
    "com.zaxxer..",
    "org.flywaydb..",
    "org.h2..",
    "org.postgresql..",
    "picocli..",
    "org.slf4j.."
  };

  static final ArchRule CORE_IS_FRAMEWORK_FREE =
      noClasses()
          .that()
          .resideInAPackage("io.mmq..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FRAMEWORK_PACKAGES)
          .because("core-domain must stay pure Java: adapters hold the frameworks");

  static final ArchRule MODELS_DO_NOT_USE_SERVICES =
      noClasses()
          .that()
          .resideInAPackage("..model..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..service..")
          .because("domain values must not know the use-case services built on them");

  static final ArchRule PORTS_AND_POLICIES_DO_NOT_USE_SERVICES =
      noClasses()
          .that()
          .resideInAnyPackage("..port..", "..policy..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..service..")
          .because("services implement the ports and apply the policies, not the other way round");

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    // the rules look at package names only: no need to import every class the core refers to
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mmq.core");
  }

  @AfterAll
  static void restoreConfiguration() {
    ArchConfiguration.get().reset();
  }

  @Test
  void theCoreIsNotEmpty() {
    assertThat(core.containPackage("io.mmq.core.resource.model")).isTrue();
    assertThat(core.stream().map(c -> c.getPackageName()).distinct().count()).isGreaterThan(10);
  }

  @Test
  void coreDependsOnNoFramework() {
    CORE_IS_FRAMEWORK_FREE.check(core);
  }

  @Test
  void modelsDoNotDependOnServices() {
    MODELS_DO_NOT_USE_SERVICES.check(core);
  }

  @Test
  void portsAndPoliciesDoNotDependOnServices() {
    PORTS_AND_POLICIES_DO_NOT_USE_SERVICES.check(core);
  }

  @Test
  void theFrameworkRuleFiresOnAClassThatUsesJdbc() {
    JavaClasses bad = new ClassFileImporter().importPackages("io.mmq.core.architecture.violating");

    EvaluationResult result = CORE_IS_FRAMEWORK_FREE.evaluate(bad);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("UsesJdbc").contains("java.sql.Connection"));
  }

  @Test
  void theModelRuleFiresOnAModelThatUsesAService() {
    JavaClasses bad = new ClassFileImporter().importPackages("io.mmq.core.architecture.violating");

    EvaluationResult result = MODELS_DO_NOT_USE_SERVICES.evaluate(bad);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("ModelThatCallsAService").contains("SomeService"));
  }

  @Test
  void theTestFakesStayFrameworkFreeToo() {
    JavaClasses testing =
        new ClassFileImporter()
            .importPackages("io.mmq.core.testing.fake", "io.mmq.core.testing.builder");

    assertThat(testing.containPackage("io.mmq.core.testing.fake")).isTrue();
    CORE_IS_FRAMEWORK_FREE.check(testing);
  }
}
