// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.propagate.ConflictPolicy;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

/**
 * Batches reach the server the fastest way the driver offers (MariaDB: the bulk protocol, which
 * reports no per-row update count), unless the user's JDBC URL says otherwise, and propagation of
 * batched inserts, updates and deletes still leaves production equal to staging.
 */
class BatchTransportIT {
  private static final int ROWS = 250;

  @Test
  void mariaDbConnectionsSendBatchesThroughTheBulkProtocol() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MARIADB)) {
      assertThat(updateCounts(db, db.url())).containsOnly(Statement.SUCCESS_NO_INFO);
    }
  }

  @Test
  void aBulkSettingInTheUrlWins() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MARIADB)) {
      String url = db.url() + (db.url().contains("?") ? "&" : "?") + "useBulkStmts=false";
      assertThat(updateCounts(db, url)).containsOnly(1);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void batchedWritesLeaveProductionEqualToStaging(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      String prices = session.q(CatalogSchema.storedName(kind, "LISTPRICE"));
      List<String> inserts = new ArrayList<>();
      for (int day = 0; day < ROWS; day++) {
        inserts.add(
            "INSERT INTO "
                + prices
                + " (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES (1001, 'CHF', DATE '"
                + LocalDate.of(2030, 1, 1).plusDays(day)
                + "', "
                + day
                + ")");
      }
      session.edit(inserts.toArray(String[]::new));
      PropagationResult inserted = session.propagate(ConflictPolicy.FAIL);
      assertThat(inserted.inserted()).isEqualTo(ROWS);
      assertThat(session.production()).isEqualTo(session.staging());

      session.edit(
          "UPDATE " + prices + " SET PRICE = PRICE + 1 WHERE CURRENCY = 'CHF'",
          "DELETE FROM " + prices + " WHERE CURRENCY = 'CHF' AND PRICE > 200");
      PropagationResult changed = session.propagate(ConflictPolicy.FAIL);
      assertThat(changed.updated()).isEqualTo(200);
      assertThat(changed.deleted()).isEqualTo(ROWS - 200);
      assertThat(session.production()).isEqualTo(session.staging());
    }
  }

  /** The update counts of a three-row batch run through the suite's own connection pool. */
  private static List<Integer> updateCounts(TestDatabase db, String url) throws SQLException {
    db.execute(
        "CREATE TABLE BATCHED (ID INTEGER PRIMARY KEY, N INTEGER)",
        "INSERT INTO BATCHED VALUES (1, 0), (2, 0), (3, 0)");
    ConnectionSettings settings =
        new ConnectionSettings("production", url, db.user(), db.password(), Optional.empty());
    try (Database database = DatabaseOpener.open(settings);
        Connection c = database.connection();
        PreparedStatement update =
            c.prepareStatement("UPDATE BATCHED SET N = N + 1 WHERE ID = ?")) {
      for (int id = 1; id <= 3; id++) {
        update.setInt(1, id);
        update.addBatch();
      }
      List<Integer> counts = new ArrayList<>();
      for (int count : update.executeBatch()) {
        counts.add(count);
      }
      return counts;
    }
  }
}
