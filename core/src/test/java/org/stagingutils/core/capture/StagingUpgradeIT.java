// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.metadata.MetadataReader;
import org.stagingutils.core.metadata.TableName;
import org.stagingutils.core.propagate.ConflictPolicy;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * A staging session started by a version before the processed ranges (control schema 2, capture
 * triggers 2, STAGLOG a table with a flag per row) goes on under this version: the first run
 * upgrades the control tables keeping which rows were processed, re-installs the triggers, and
 * propagates exactly the pending changes; edits after it are captured and propagated.
 */
class StagingUpgradeIT {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSessionOfTheOlderVersionIsUpgradedByTheNextRun(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind);
        Database staging =
            DatabaseOpener.open(StagingSession.settings("staging", session.pair.staging()))) {
      session.edit("UPDATE CATENTRY SET PRICE = 1.00 WHERE CATENTRY_ID = 2001");
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      session.edit(
          "UPDATE CATENTRY SET PRICE = 2.00 WHERE CATENTRY_ID = 2001",
          "INSERT INTO STORE (STORE_ID, IDENTIFIER) VALUES (9, 'New')");
      // The processed row must stay processed: taken again, its image (the price before 1.00)
      // would differ from production's and the run would refuse with a conflict.
      downgradeToVersion2(staging);
      assertThat(session.stagingCount("SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 0"))
          .isEqualTo(2);
      assertThat(session.stagingCount("SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 1"))
          .isEqualTo(1);

      // A dry run does not upgrade, and cannot read the older log: it refuses, changing nothing.
      StagingException refused =
          catchThrowableOfType(
              () -> new StagingPropagation().propagate(session.dryRunRequest()),
              StagingException.class);
      assertThat(refused.category()).isEqualTo(ErrorCategory.CONFIGURATION);
      assertThat(refused.getMessage()).contains("older version", "run stagingprop");
      assertThat(session.stagingCount("SELECT MAX(TRIGGER_VERSION) FROM STAGTABLES")).isEqualTo(2);

      PropagationResult upgraded = session.propagate(ConflictPolicy.FAIL);

      assertThat(upgraded.refused()).as("%s", upgraded.conflicts()).isFalse();
      assertThat(upgraded.processedChanges()).isEqualTo(2);
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
      assertThat(session.stagingCount("SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 1"))
          .isEqualTo(3);
      assertThat(session.stagingCount("SELECT MIN(TRIGGER_VERSION) FROM STAGTABLES"))
          .isEqualTo(CaptureInstaller.TRIGGER_VERSION);

      session.edit("DELETE FROM STORE WHERE STORE_ID = 9");
      assertThat(session.pending()).isEqualTo(1);
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      assertThat(session.production()).isEqualTo(session.staging());
    }
  }

  /**
   * Puts the change log back in the shape control schema 2 gave it, with the triggers of version 2
   * (which insert into STAGLOG) where this version can still generate them: H2's are Java classes,
   * so there only the registry says version 2.
   */
  private static void downgradeToVersion2(Database staging) throws SQLException {
    boolean postgres = staging.dialect().id().equals("postgresql");
    boolean mariadb = staging.dialect().id().equals("mariadb");
    TableName history =
        TableName.of(staging.schema(), staging.dialect().foldUnquoted(ControlTables.HISTORY));
    List<String> sql = new ArrayList<>();
    if (postgres) {
      sql.add("DROP TRIGGER staglogrows_truncated ON STAGLOGROWS");
      sql.add("DROP FUNCTION staglogrows_truncated()");
    } else {
      sql.add("DROP TABLE STAGLOGGUARD");
    }
    sql.add("ALTER TABLE STAGLOGROWS ADD COLUMN STGPROCESSED SMALLINT DEFAULT 0 NOT NULL");
    sql.add(
        "UPDATE STAGLOGROWS SET STGPROCESSED = 1 WHERE EXISTS (SELECT 1 FROM STAGLOGDONE D"
            + " WHERE STAGLOGROWS.STGRFNBR BETWEEN D.STGFIRST AND D.STGLAST)");
    sql.add("DROP VIEW STAGLOG");
    sql.add("DROP TABLE STAGLOGDONE");
    sql.add(
        mariadb ? "DROP INDEX staglogrows_table ON STAGLOGROWS" : "DROP INDEX staglogrows_table");
    sql.add("ALTER TABLE STAGLOGROWS RENAME TO STAGLOG");
    if (postgres) {
      sql.add("ALTER INDEX staglogrows_pkey RENAME TO staglog_pkey");
      sql.add(
          "CREATE INDEX staglog_pending ON staglog (stgtable, stgrfnbr) WHERE stgprocessed = 0");
    }
    sql.add(
        "DELETE FROM "
            + staging.dialect().qualify(history)
            + " WHERE "
            + staging.dialect().quote("version")
            + " IN ('3', '4')");
    sql.add("UPDATE STAGTABLES SET TRIGGER_VERSION = 2");
    try (Connection c = staging.connection();
        Statement s = c.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
      if (postgres || mariadb) {
        MetadataReader reader = new MetadataReader(c, staging.dialect());
        TableName log = staging.controlTables().table(ControlTables.CHANGE_LOG);
        for (String name : registered(s)) {
          for (String each :
              staging
                  .dialect()
                  .installCaptureSql(reader.read(TableName.of(staging.schema(), name)), log)) {
            s.execute(each);
          }
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  private static List<String> registered(Statement s) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM STAGTABLES")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
