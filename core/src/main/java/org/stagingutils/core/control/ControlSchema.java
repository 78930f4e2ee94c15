// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.control;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.dialect.Dialect;

/**
 * Installs and upgrades the suite's control tables with Flyway, keeping its own history table so
 * that an application's {@code flyway_schema_history} is never touched.
 */
public final class ControlSchema {
  private static final Logger LOG = LoggerFactory.getLogger(ControlSchema.class);
  private static final String MIGRATIONS = "classpath:org/stagingutils/schema/";

  private ControlSchema() {}

  /** STAGLOG, sessions, captured-table registry and lock table, in the staging schema. */
  public static void migrateStaging(DataSource dataSource, Dialect dialect, String schema) {
    migrate(dataSource, dialect, schema, "staging");
  }

  /** Whether the staging control tables are at this version's newest migration. */
  public static boolean isStagingCurrent(DataSource dataSource, Dialect dialect, String schema) {
    return SchemaHistory.isCurrent(dataSource, dialect, schema, "staging");
  }

  /** The propagation journal, in the production schema. */
  public static void migrateProduction(DataSource dataSource, Dialect dialect, String schema) {
    migrate(dataSource, dialect, schema, "production");
  }

  private static void migrate(DataSource dataSource, Dialect dialect, String schema, String side) {
    if (SchemaHistory.isCurrent(dataSource, dialect, schema, side)) {
      LOG.debug("{} control schema in {} is current", side, schema);
      return;
    }
    try {
      Flyway flyway =
          Flyway.configure(ControlSchema.class.getClassLoader())
              .dataSource(dataSource)
              .locations(MIGRATIONS + side + "/" + dialect.id())
              .table(dialect.foldUnquoted(ControlTables.HISTORY))
              .defaultSchema(schema)
              .schemas(schema)
              .createSchemas(false)
              // An application schema is never empty: start our own history at version 0.
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .validateMigrationNaming(true)
              .load();
      repairFailedMigrations(flyway, side, schema);
      MigrateResult result = flyway.migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info(
            "{} control schema upgraded to version {} in {}",
            side,
            result.targetSchemaVersion,
            schema);
      }
    } catch (FlywayException e) {
      throw new StagingException(
          ErrorCategory.DATABASE,
          "cannot install the "
              + side
              + " control tables in schema "
              + schema
              + ": "
              + firstLine(e.getMessage()),
          e);
    }
  }

  /**
   * Where DDL is not transactional (MariaDB, H2), a migration that failed halfway stays recorded as
   * failed, and Flyway refuses every later run until someone repairs the history. Our migrations
   * are written to be re-run over their own leftovers (IF NOT EXISTS everywhere), so removing the
   * failed entry and running them again is the repair; a kill -9 leaves no entry and needs none.
   * Likewise a migration a newer suite rewrote in a compatible way (as V1 was made re-runnable)
   * only needs its recorded checksum realigned: this history is ours alone.
   */
  private static void repairFailedMigrations(Flyway flyway, String side, String schema) {
    boolean failed =
        Arrays.stream(flyway.info().all()).anyMatch(m -> m.getState() == MigrationState.FAILED);
    if (failed || onlyChecksumsDiffer(flyway.validateWithResult())) {
      LOG.warn(
          "{} control schema in {}: {}",
          side,
          schema,
          failed
              ? "a migration failed halfway earlier; running it again"
              : "realigning the checksums of migrations this version rewrote");
      flyway.repair();
    }
  }

  private static boolean onlyChecksumsDiffer(ValidateResult validation) {
    return !validation.validationSuccessful
        && !validation.invalidMigrations.isEmpty()
        && validation.invalidMigrations.stream()
            .allMatch(
                m ->
                    m.errorDetails != null
                        && m.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").trim();
  }
}
