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
        LogIds.Builder processed = new LogIds.Builder();
        for (int id = 1; id <= 13; id++) {
          boolean old = id <= 10;
          insert(c, control, id, NOW.minus(Duration.ofDays(old ? 40 : 1)));
          if (id != 8 && id != 13) {
            processed.add(id);
          }
        }
        new ProcessedMarker(control, 3).markProcessed(c, processed.build());
        assertEquals(List.of(List.of(1L, 7L), List.of(9L, 12L)), ranges(c, control));
        // Windows of 3 ids: several windows, the last partly beyond the cutoff.
        c.setAutoCommit(true);
        new ProcessedMarker(control, 3).prune(c, 30);
        assertEquals(List.of(8L, 11L, 12L, 13L), ids(c, control));
        // The range left without rows is forgotten; the view still tells pending from processed.
        assertEquals(List.of(List.of(9L, 12L)), ranges(c, control));
        assertEquals(List.of(8L, 13L), pendingIds(c, control));
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

  private static void insert(Connection c, ControlTables control, long id, Instant stamp)
      throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + control.qualified(ControlTables.LOG_ROWS)
                + " ("
                + String.join(
                    ", ",
                    control.column("STGRFNBR"),
                    control.column("STGSTMP"),
                    control.column("STGTABLE"),
                    control.column("STGOP"),
                    control.column("STGNKEY"))
                + ") VALUES (?, ?, 'CATENTRY', 'I', '[1]')")) {
      ps.setLong(1, id);
      ps.setTimestamp(2, Timestamp.from(stamp));
      ps.executeUpdate();
    }
  }

  private static List<List<Long>> ranges(Connection c, ControlTables control) throws Exception {
    List<List<Long>> ranges = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + control.column("STGFIRST")
                    + ", "
                    + control.column("STGLAST")
                    + " FROM "
                    + control.qualified(ControlTables.PROCESSED_RANGES)
                    + " ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ranges.add(List.of(rs.getLong(1), rs.getLong(2)));
      }
    }
    return ranges;
  }

  /** What a DBA's query of the view says is pending. */
  private static List<Long> pendingIds(Connection c, ControlTables control) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT STGRFNBR FROM "
                    + control.qualified(ControlTables.CHANGE_LOG)
                    + " WHERE STGPROCESSED = 0 ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
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
