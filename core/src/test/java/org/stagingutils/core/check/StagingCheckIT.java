// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.cli.CheckSummary;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.testdb.DatabaseKind;

class StagingCheckIT {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void cleanCatalogHasNoProblemAndCountsPendingChanges(DatabaseKind kind) throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      CheckReport report = catalog.check();

      assertThat(report.problems()).isEmpty();
      assertThat(report.checks()).containsExactlyInAnyOrder(CheckKind.values());
      assertThat(report.pendingChanges()).isZero();
      assertThat(CheckSummary.of(report).exitCode()).isZero();
      assertThat(CheckSummary.of(report).json().get("status").asText()).isEqualTo("ok");

      catalog.pair.staging().execute("INSERT INTO STORE (STORE_ID, IDENTIFIER) VALUES (1, 'a')");
      assertThat(catalog.check().pendingChanges()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void columnTypeDifferenceNamesTheColumnAndBothDefinitions(DatabaseKind kind) throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      catalog
          .pair
          .production()
          .execute(
              "ALTER TABLE CATENTRY DROP COLUMN FIELD1",
              "ALTER TABLE CATENTRY ADD COLUMN FIELD1 VARCHAR(100)");

      JsonNode problem = single(catalog.check(), "schema", "CATENTRY");

      assertThat(problem.get("column").asText()).isEqualTo(catalog.stored("FIELD1"));
      assertThat(problem.get("staging").asText()).contains("254");
      assertThat(problem.get("production").asText()).contains("100");
      assertThat(problem.get("key").isEmpty()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void nullabilityKeyAndForeignKeyDifferencesAreSchemaProblems(DatabaseKind kind) throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      catalog
          .pair
          .production()
          .execute(
              switch (kind) {
                case MARIADB -> "ALTER TABLE CATALOG MODIFY DESCRIPTION VARCHAR(254) NOT NULL";
                default -> "ALTER TABLE CATALOG ALTER COLUMN DESCRIPTION SET NOT NULL";
              },
              "CREATE UNIQUE INDEX STORE_IDENTIFIER ON STORE (IDENTIFIER)",
              "ALTER TABLE CATGROUP ADD CONSTRAINT CATGROUP_CATALOG_2 FOREIGN KEY (CATALOG_ID)"
                  + " REFERENCES CATALOG (CATALOG_ID)");

      CheckReport report = catalog.check(CheckKind.SCHEMA);
      JsonNode nullability = single(report, "schema", "CATALOG");

      assertThat(nullability.get("column").asText()).isEqualTo(catalog.stored("DESCRIPTION"));
      assertThat(nullability.get("staging").asText()).doesNotContain("NOT NULL");
      assertThat(nullability.get("production").asText()).contains("NOT NULL");
      assertThat(single(report, "schema", "STORE").get("message").asText()).contains("keys");
      assertThat(single(report, "schema", "CATGROUP").get("message").asText())
          .contains("foreign keys");
      assertThat(CheckSummary.of(report).exitCode()).isEqualTo(1);
      assertThat(CheckSummary.of(report).json().get("problems")).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void missingColumnHasOnlyStagingsSide(DatabaseKind kind) throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      catalog.pair.production().execute("ALTER TABLE ATTRVAL DROP COLUMN ATTR_VALUE");

      JsonNode problem = single(catalog.check(), "schema", "ATTRVAL");

      assertThat(problem.get("column").asText()).isEqualTo(catalog.stored("ATTR_VALUE"));
      assertThat(problem.get("message").asText()).contains("not in production");
      assertThat(problem.has("staging")).isTrue();
      assertThat(problem.has("production")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void tableMissingOnEitherSideIsAProblemNotAnError(DatabaseKind kind) throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      catalog.pair.production().execute("DROP TABLE " + catalog.quoted("PromoRule"));
      catalog.pair.staging().execute("DROP TABLE ATTRVAL");

      CheckReport report = catalog.check();

      assertThat(single(report, "schema", "PromoRule").get("message").asText())
          .contains("does not exist", "production database");
      assertThat(single(report, "schema", "ATTRVAL").get("message").asText())
          .contains("does not exist", "staging database");
      assertThat(report.problems()).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void tableWithoutAnyKeyIsAConfigProblem(DatabaseKind kind) throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      String ddl = "CREATE TABLE NOKEY (A INTEGER, B VARCHAR(10))";
      catalog.pair.production().execute(ddl);
      catalog.pair.staging().execute(ddl);
      catalog.scopes.put("extra", List.of("NOKEY"));

      CheckReport report = catalog.check();

      assertThat(single(report, "config", "NOKEY").get("message").asText())
          .contains("neither a primary key nor a unique index");
      assertThat(report.problems()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void missingOutdatedAndRekeyedCaptureTriggersAreSchemaProblems(DatabaseKind kind)
      throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      catalog
          .pair
          .staging()
          .execute(
              "DELETE FROM STAGTABLES WHERE TABLE_NAME = '" + catalog.stored("LISTPRICE") + "'",
              "UPDATE STAGTABLES SET TRIGGER_VERSION = 0 WHERE TABLE_NAME = '"
                  + catalog.stored("STORE")
                  + "'",
              "UPDATE STAGTABLES SET KEY_COLUMNS = 'X' WHERE TABLE_NAME = '"
                  + catalog.stored("CATALOG")
                  + "'");

      CheckReport report = catalog.check();

      assertThat(single(report, "schema", "LISTPRICE").get("message").asText())
          .contains("not installed", "run stagingcopy");
      assertThat(single(report, "schema", "STORE").get("message").asText())
          .contains("version 0", "run stagingprop once");
      assertThat(single(report, "schema", "CATALOG").get("message").asText())
          .contains("(X)", "(" + catalog.stored("CATALOG_ID") + ")");
      assertThat(report.problems()).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void withoutControlTablesEveryTableLacksCaptureAndNothingIsInstalled(DatabaseKind kind)
      throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, false)) {
      CheckReport report = catalog.check();

      assertThat(report.problems())
          .hasSize(8)
          .allSatisfy(p -> assertThat(p.message()).startsWith("capture not installed on"));
      assertThat(report.pendingChanges()).isZero();
      assertThatThrownBy(() -> catalog.pair.staging().execute("SELECT COUNT(*) FROM STAGLOG"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> catalog.pair.staging().execute("SELECT COUNT(*) FROM STAGTABLES"))
          .isInstanceOf(SQLException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void foreignKeyIntoATableNoScopeStagesIsAConfigProblem(DatabaseKind kind) throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      List<String> withoutCatalog = new ArrayList<>(CheckedCatalog.MERCHANT);
      withoutCatalog.remove("CATALOG");
      catalog.scopes.put("merchant", withoutCatalog);

      JsonNode problem = single(catalog.check(CheckKind.CONFIG), "config", "CATGROUP");

      assertThat(problem.get("column").asText()).isEqualTo(catalog.stored("CATALOG_ID"));
      assertThat(problem.get("message").asText())
          .contains("references " + catalog.stored("CATALOG"), "add " + catalog.stored("CATALOG"));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void referencesIntoStagedTablesOutsideTheRestrictionAreFine(DatabaseKind kind) throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      StagingConfig config = catalog.config();
      CheckReport report =
          new StagingCheck()
              .check(
                  new CheckRequest(
                      config, config.tables("all", List.of("CATGROUP")), Set.of(), List.of()));

      assertThat(report.problems()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void tableInTwoScopesIsAConfigProblem(DatabaseKind kind) throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      catalog.scopes.put("prices", List.of("LISTPRICE"));

      JsonNode problem = single(catalog.check(), "config", "LISTPRICE");

      assertThat(problem.get("message").asText()).contains("scopes merchant and prices");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void cycleOfNotNullImmediateForeignKeysIsAConfigProblemButANullableOneIsNot(DatabaseKind kind)
      throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      String[] ddl = {
        "CREATE TABLE CYC_A (ID INTEGER NOT NULL PRIMARY KEY, B_ID INTEGER NOT NULL)",
        "CREATE TABLE CYC_B (ID INTEGER NOT NULL PRIMARY KEY, A_ID INTEGER NOT NULL)",
        "ALTER TABLE CYC_A ADD CONSTRAINT CYC_A_B FOREIGN KEY (B_ID) REFERENCES CYC_B (ID)",
        "ALTER TABLE CYC_B ADD CONSTRAINT CYC_B_A FOREIGN KEY (A_ID) REFERENCES CYC_A (ID)",
        "CREATE TABLE CYC_C (ID INTEGER NOT NULL PRIMARY KEY, D_ID INTEGER)",
        "CREATE TABLE CYC_D (ID INTEGER NOT NULL PRIMARY KEY, C_ID INTEGER NOT NULL)",
        "ALTER TABLE CYC_C ADD CONSTRAINT CYC_C_D FOREIGN KEY (D_ID) REFERENCES CYC_D (ID)",
        "ALTER TABLE CYC_D ADD CONSTRAINT CYC_D_C FOREIGN KEY (C_ID) REFERENCES CYC_C (ID)"
      };
      catalog.pair.production().execute(ddl);
      catalog.pair.staging().execute(ddl);
      catalog.scopes.put("cycles", List.of("CYC_A", "CYC_B", "CYC_C", "CYC_D"));

      CheckReport report = catalog.check(CheckKind.CONFIG);

      assertThat(single(report, "config", "CYC_A").get("message").asText())
          .contains(catalog.stored("CYC_B"), "nullable or deferrable");
      assertThat(report.problems()).hasSize(1);
    }
  }

  @Test
  void textReportMatchesTheGoldenFile() throws Exception {
    try (CheckedCatalog catalog = new CheckedCatalog(DatabaseKind.H2, true)) {
      catalog
          .pair
          .production()
          .execute(
              "ALTER TABLE CATENTRY DROP COLUMN FIELD1",
              "ALTER TABLE CATENTRY ADD COLUMN FIELD1 VARCHAR(100)",
              "DROP TABLE \"PromoRule\"",
              "CREATE TABLE NOKEY (A INTEGER, B VARCHAR(10))");
      catalog
          .pair
          .staging()
          .execute(
              "CREATE TABLE NOKEY (A INTEGER, B VARCHAR(10))",
              "DELETE FROM STAGTABLES WHERE TABLE_NAME = 'LISTPRICE'",
              "INSERT INTO STORE (STORE_ID, IDENTIFIER) VALUES (1, 'a')");
      catalog.scopes.put("merchant", List.of("CATGROUP", "CATENTRY", "LISTPRICE", "\"PromoRule\""));
      catalog.scopes.put("extra", List.of("NOKEY", "STORE"));

      String text = CheckSummary.of(catalog.check()).text();

      assertThat(text).isEqualTo(golden("stagingcheck-h2.txt"));
    }
  }

  static String golden(String name) throws IOException {
    try (InputStream in = StagingCheckIT.class.getResourceAsStream(name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
  }

  /**
   * A column of a type stagingcopy and stagingprop refuse (exit 2) is a schema problem of the check
   * (exit 1), naming table, column, type and why, on whichever side has the table.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void columnOfATypeTheSuiteCannotCarryIsASchemaProblem(DatabaseKind kind) throws Exception {
    String type =
        switch (kind) {
          case POSTGRESQL -> "money";
          case MARIADB -> "BIT(8)";
          case H2 -> "INTEGER ARRAY";
        };
    try (CheckedCatalog catalog = new CheckedCatalog(kind, true)) {
      catalog.pair.staging().execute("ALTER TABLE STORE ADD C_REFUSED " + type);
      catalog.pair.production().execute("ALTER TABLE STORE ADD C_REFUSED " + type);
      catalog.pair.production().execute("ALTER TABLE ATTRVAL ADD C_REFUSED " + type);

      CheckReport report = catalog.check();
      List<JsonNode> problems = new ArrayList<>();
      for (JsonNode problem : CheckSummary.of(report).json().get("problems")) {
        if (problem.get("column").asText("").equalsIgnoreCase("C_REFUSED")
            && problem.get("message").asText().contains("cannot carry intact")) {
          problems.add(problem);
        }
      }

      assertThat(problems)
          .extracting(p -> p.get("table").asText().toUpperCase())
          .containsExactly("STORE", "ATTRVAL");
      String refusedType = type.replaceFirst("\\(.*", "");
      for (JsonNode problem : problems) {
        assertThat(problem.get("check").asText()).isEqualTo("schema");
        assertThat(problem.get("message").asText())
            .doesNotContain("\n")
            .containsIgnoringCase("type " + refusedType)
            .contains("remove the table from the scope");
      }
      assertThat(problems.get(0).get("staging").asText()).containsIgnoringCase(refusedType);
      assertThat(problems.get(1).get("production").asText()).containsIgnoringCase(refusedType);
      assertThat(CheckSummary.of(report).exitCode()).isEqualTo(1);
      assertThat(CheckSummary.of(report).text()).contains("cannot carry intact");
    }
  }

  /** The one problem of {@code check} on {@code table} (written unquoted, or in mixed case). */
  private static JsonNode single(CheckReport report, String check, String table) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode problem : CheckSummary.of(report).json().get("problems")) {
      if (problem.get("check").asText().equals(check)
          && problem.get("table").asText().equalsIgnoreCase(table)) {
        found.add(problem);
      }
    }
    assertThat(found).as("%s problems on %s in %s", check, table, report.problems()).hasSize(1);
    return found.get(0);
  }
}
