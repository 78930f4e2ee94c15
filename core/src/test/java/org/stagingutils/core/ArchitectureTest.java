// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.stagingutils.core.cli.LoggingConfigurator;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.metadata.MetadataReader;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.StagedTableResolver;

/** The rules of STYLE.md that a compiler cannot check, checked on core's production classes. */
@AnalyzeClasses(
    packages = "org.stagingutils.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheLoggingConfiguratorKnowsLogback =
      noClasses()
          .that(not(belongToAnyOf(LoggingConfigurator.class)))
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ch.qos.logback..")
          .because("core logs through SLF4J; only the executables bring Logback");

  @ArchTest
  static final ArchRule onlyTheCliPackageKnowsPicocli =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.stagingutils.core.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..")
          .because("the engines are driven from tests and other programs without a command line");

  @ArchTest
  static final ArchRule coreNeverWritesToStdout =
      noClasses()
          .should()
          .accessField(System.class, "out")
          .because("stdout carries only the summary, which the CLI prints where picocli says");

  @ArchTest
  static final ArchRule enginesLogInsteadOfWritingToStderr =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.stagingutils.core.cli..")
          .should()
          .accessField(System.class, "err")
          .orShould()
          .callMethod(Throwable.class, "printStackTrace")
          .because("the engines log through SLF4J; only the CLI prompts and reports on stderr");

  @ArchTest
  static final ArchRule coreNeverEndsTheJvm =
      noClasses()
          .should()
          .callMethod(System.class, "exit", int.class)
          .orShould()
          .callMethod(Runtime.class, "exit", int.class)
          .orShould()
          .callMethod(Runtime.class, "halt", int.class)
          .because("only each executable's Main ends the JVM");

  /**
   * No cycles between core's packages, except two known upward dependencies that are listed here so
   * that no new one can creep in: the metadata readers ({@code MetadataReader}, {@code
   * StagedTableResolver}, {@code StagedSchema}) use {@code dialect} and {@code connect}, which
   * themselves use the metadata model ({@code TableName}, {@code TableMetadata}...); and {@code
   * Database.controlTables()} reaches up into {@code control}, whose {@code RunLocks} takes a
   * {@code Database}. Moving the readers out of {@code metadata} and the control-table names out of
   * {@code Database} removes both; then delete the two {@code ignoreDependency} lines.
   */
  @ArchTest
  static final ArchRule packagesHaveNoCycles =
      slices()
          .matching("org.stagingutils.core.(*)..")
          .should()
          .beFreeOfCycles()
          .ignoreDependency(
              belongToAnyOf(MetadataReader.class, StagedTableResolver.class, StagedSchema.class),
              resideInAnyPackage(
                  "org.stagingutils.core.dialect..", "org.stagingutils.core.connect.."))
          .ignoreDependency(belongToAnyOf(Database.class), belongToAnyOf(ControlTables.class));
}
