// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.sql.SQLException;
import java.util.List;

/** What every benchmark of one server needs. */
record BenchContext(
    BenchDialect dialect,
    BenchDatabases databases,
    Catalog catalog,
    ProcessRunner runner,
    UtilityLauncher utilities,
    Repeater repeater,
    Results results,
    double scale,
    int captureSeconds) {

  /** A database step of a benchmark's preparation, which has no checked exceptions to offer. */
  interface SqlStep {
    void run() throws SQLException;
  }

  static Runnable unchecked(String what, SqlStep step) {
    return () -> {
      try {
        step.run();
      } catch (SQLException e) {
        throw new BenchException(what + ": " + e.getMessage(), e);
      }
    };
  }

  /** Rows a workload of the given size at scale 1 touches at this run's scale (at least 100). */
  long scaled(long rowsAtScaleOne) {
    return Math.max(100, Math.round(rowsAtScaleOne * scale));
  }

  long stagingLogMark() throws SQLException {
    return BenchDatabases.queryLong(
        databases.stagingConnection(), "SELECT COALESCE(MAX(STGRFNBR), 0) FROM STAGLOGROWS");
  }

  /**
   * Makes the change-log rows of (after, upTo] pending again, as they were before a run: takes
   * those ids out of the processed ranges, splitting a range that reaches over both ends.
   */
  void markPending(long after, long upTo) throws SQLException {
    String from = " FROM STAGLOGDONE";
    for (String sql :
        List.of(
            "INSERT INTO STAGLOGDONE (STGFIRST, STGLAST) SELECT "
                + (upTo + 1)
                + ", STGLAST"
                + from
                + " WHERE STGFIRST <= "
                + after
                + " AND STGLAST > "
                + upTo,
            "UPDATE STAGLOGDONE SET STGLAST = "
                + after
                + " WHERE STGFIRST <= "
                + after
                + " AND STGLAST > "
                + after,
            "UPDATE STAGLOGDONE SET STGFIRST = "
                + (upTo + 1)
                + " WHERE STGFIRST > "
                + after
                + " AND STGFIRST <= "
                + upTo
                + " AND STGLAST > "
                + upTo,
            "DELETE" + from + " WHERE STGFIRST > " + after + " AND STGLAST <= " + upTo)) {
      BenchDatabases.update(databases.stagingConnection(), sql);
    }
  }
}
