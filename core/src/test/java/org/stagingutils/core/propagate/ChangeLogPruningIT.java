// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.testdb.DatabaseKind;

/** Pruning deletes exactly the processed change-log rows older than the retention period. */
class ChangeLogPruningIT {
  private static final Instant NOW = Instant.now();

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void prunesOnlyOldProcessedRowsWalkingTheLogInWindows(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind);
        Database staging =
            DatabaseOpener.open(StagingSession.settings("staging", session.pair.staging()))) {
      ControlTables control = staging.controlTables();
      try (Connection c = staging.connection()) {
        c.setAutoCommit(true);
        // ids 1-7 old and processed, 8 old but pending (a held-back change set), 9-10 old and
        // processed after it, 11-12 recent and processed, 13 recent and pending.
        for (int id = 1; id <= 13; id++) {
          boolean old = id <= 10;
          boolean processed = id != 8 && id != 13;
          insert(c, control, id, NOW.minus(Duration.ofDays(old ? 40 : 1)), processed);
        }
        // Windows of 3 ids: several windows, the last partly beyond the cutoff.
        new ProcessedMarker(control, 3).prune(c, 30);
        assertEquals(List.of(8L, 11L, 12L, 13L), ids(c, control));
        // Nothing left to prune: a second run changes nothing.
        c.setAutoCommit(true);
        new ProcessedMarker(control, 3).prune(c, 30);
        assertEquals(List.of(8L, 11L, 12L, 13L), ids(c, control));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void pruningAnEmptyLogDoesNothing(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind);
        Database staging =
            DatabaseOpener.open(StagingSession.settings("staging", session.pair.staging()))) {
      try (Connection c = staging.connection()) {
        new ProcessedMarker(staging.controlTables(), 1000).prune(c, 0);
        assertEquals(List.of(), ids(c, staging.controlTables()));
      }
    }
  }

  private static void insert(
      Connection c, ControlTables control, long id, Instant stamp, boolean processed)
      throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + control.qualified(ControlTables.CHANGE_LOG)
                + " ("
                + String.join(
                    ", ",
                    control.column("STGRFNBR"),
                    control.column("STGSTMP"),
                    control.column("STGTABLE"),
                    control.column("STGOP"),
                    control.column("STGPROCESSED"),
                    control.column("STGNKEY"))
                + ") VALUES (?, ?, 'CATENTRY', 'I', ?, '[1]')")) {
      ps.setLong(1, id);
      ps.setTimestamp(2, Timestamp.from(stamp));
      ps.setInt(3, processed ? 1 : 0);
      ps.executeUpdate();
    }
  }

  private static List<Long> ids(Connection c, ControlTables control) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + control.column("STGRFNBR")
                    + " FROM "
                    + control.qualified(ControlTables.CHANGE_LOG)
                    + " ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
