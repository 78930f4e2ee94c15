// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.control;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

/**
 * A run skips Flyway only when the history holds the newest migration of the scripts it ships, and
 * none failed: the constant it compares with is checked against what Flyway really applies.
 */
class ControlSchemaIT {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theHistoryIsCurrentExactlyWhenFlywayAppliedTheNewestScript(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Database database = DatabaseOpener.open(settings(db))) {
      for (String side : List.of("staging", "production")) {
        assertThat(isCurrent(database, side)).as(side + " before any run").isFalse();
      }
      ControlSchema.migrateStaging(database.dataSource(), database.dialect(), database.schema());
      assertThat(newestApplied(database)).isEqualTo(SchemaHistory.LATEST.get("staging"));
      assertThat(isCurrent(database, "staging")).isTrue();

      db.execute(
          "UPDATE "
              + database.controlTables().qualified(ControlTables.HISTORY)
              + " SET "
              + database.dialect().quote("success")
              + " = "
              + (kind == DatabaseKind.MARIADB ? "0" : "FALSE")
              + " WHERE "
              + database.dialect().quote("version")
              + " = '1'");
      assertThat(isCurrent(database, "staging")).as("with a failed migration").isFalse();
    }
    try (TestDatabase db = TestDatabases.create(kind);
        Database database = DatabaseOpener.open(settings(db))) {
      ControlSchema.migrateProduction(database.dataSource(), database.dialect(), database.schema());
      assertThat(newestApplied(database)).isEqualTo(SchemaHistory.LATEST.get("production"));
      assertThat(isCurrent(database, "production")).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFirstMigrationLogsNoWarning(DatabaseKind kind) throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try (TestDatabase db = TestDatabases.create(kind);
        Database database = DatabaseOpener.open(settings(db))) {
      ControlSchema.migrateStaging(database.dataSource(), database.dialect(), database.schema());
      ControlSchema.migrateProduction(database.dataSource(), database.dialect(), database.schema());
    } finally {
      root.detachAppender(logged);
    }
    assertThat(logged.list)
        .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }

  private static boolean isCurrent(Database database, String side) {
    return SchemaHistory.isCurrent(
        database.dataSource(), database.dialect(), database.schema(), side);
  }

  private static String newestApplied(Database database) throws Exception {
    List<String> versions = new ArrayList<>();
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + database.dialect().quote("version")
                    + " FROM "
                    + database.controlTables().qualified(ControlTables.HISTORY))) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions.stream()
        .filter(v -> v != null)
        .max(Comparator.comparing(MigrationVersion::fromVersion))
        .orElseThrow();
  }

  private static ConnectionSettings settings(TestDatabase db) {
    return new ConnectionSettings("staging", db.url(), db.user(), db.password(), Optional.empty());
  }
}
