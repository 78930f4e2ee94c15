// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagingutils.core.capture.CaptureInstaller;
import org.stagingutils.core.cli.CommandRun;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.control.ControlSchema;
import org.stagingutils.core.metadata.StagedTableResolver;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.DatabasePair;
import org.stagingutils.core.testdb.TestDatabases;

/** stagingcheck black-box on two in-memory H2 databases holding the sample catalog. */
class CheckCommandH2Test {
  private static final List<String> TABLES =
      List.of("STORE", "CATALOG", "CATGROUP", "CATENTRY", "CATGPENREL", "LISTPRICE", "ATTRVAL");

  @TempDir Path dir;
  private DatabasePair pair;
  private Path config;

  @BeforeEach
  void catalogOnBothSidesWithCaptureOnStaging() throws Exception {
    pair = TestDatabases.createPair(DatabaseKind.H2);
    CatalogSchema.create(pair.production());
    CatalogSchema.create(pair.staging());
    try (Database staging =
            DatabaseOpener.open(
                new ConnectionSettings(
                    "staging",
                    pair.staging().url(),
                    pair.staging().user(),
                    pair.staging().password(),
                    Optional.empty()));
        Connection c = staging.connection()) {
      ControlSchema.migrateStaging(staging.dataSource(), staging.dialect(), staging.schema());
      CaptureInstaller installer = new CaptureInstaller(staging.dialect(), staging.controlTables());
      for (TableMetadata table :
          new StagedTableResolver(c, staging.dialect(), staging.schema(), "staging")
              .resolve(TABLES)) {
        installer.install(c, table);
      }
    }
    config = dir.resolve("staging.properties");
    Files.writeString(
        config,
        "staging-url="
            + pair.staging().url()
            + "\nstaging-user=sa\nproduction-url="
            + pair.production().url()
            + "\nproduction-user=sa\nscope.site=STORE\nscope.merchant="
            + String.join(",", TABLES.subList(1, TABLES.size()))
            + "\n");
  }

  @AfterEach
  void dropDatabases() {
    pair.close();
  }

  private CommandRun run(String... args) {
    return CommandRun.execute(new CheckCommand().environment(Map.of()), args);
  }

  @Test
  void cleanCatalogIsOkWithExit0() throws Exception {
    CommandRun run = run("--config", config.toString(), "--format", "json", "-q");

    assertThat(run.exitCode()).isZero();
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.get("status").asText()).isEqualTo("ok");
    assertThat(summary.get("exitCode").asInt()).isZero();
    assertThat(summary.get("problems")).isEmpty();
    assertThat(summary.get("pendingChanges").asLong()).isZero();
    assertThat(run.out().strip().lines()).hasSize(1);
  }

  @Test
  void schemaDifferenceIsReportedWithExit1InJsonAndText() throws Exception {
    pair.production()
        .execute(
            "ALTER TABLE CATENTRY DROP COLUMN FIELD1",
            "ALTER TABLE CATENTRY ADD COLUMN FIELD1 VARCHAR(100)");
    pair.staging().execute("UPDATE STORE SET IDENTIFIER = 'x'");

    CommandRun json = run("--config", config.toString(), "--format", "json", "--check", "schema");

    assertThat(json.exitCode()).isEqualTo(1);
    JsonNode summary = new ObjectMapper().readTree(json.out());
    assertThat(summary.get("status").asText()).isEqualTo("problems");
    assertThat(summary.get("exitCode").asInt()).isEqualTo(1);
    assertThat(summary.get("checks")).hasSize(1);
    assertThat(summary.get("problems"))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.get("check").asText()).isEqualTo("schema");
              assertThat(problem.get("table").asText()).isEqualTo("CATENTRY");
              assertThat(problem.get("column").asText()).isEqualTo("FIELD1");
            });

    CommandRun text = run("--config", config.toString(), "--table", "CATENTRY");

    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.out())
        .startsWith("schema: staged tables that differ between staging and production\n")
        .contains("  CATENTRY\n", "        column:     FIELD1\n")
        .endsWith(
            "1 problem (schema: 1) in 1 table; 0 pending changes; checks run: unique, drift,"
                + " references, schema, config\n");
  }
}
