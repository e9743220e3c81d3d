package dev.tessera.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the dependency direction of DESIGN.md §2: engines know nothing of Spring, HTTP or SQL. */
class ArchitectureTest {
  private static final JavaClasses ENGINE =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tessera.engine");

  @Test
  void enginesDependOnNeitherSpringNorServletNorJdbc() {
    noClasses()
        .that()
        .resideInAPackage("dev.tessera.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..", "dev.tessera.server..")
        .check(ENGINE);
  }
}
