// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.sql.SQLException;

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
        databases.stagingConnection(), "SELECT COALESCE(MAX(STGRFNBR), 0) FROM STAGLOG");
  }

  /** Makes the change-log rows of (after, upTo] pending again, as they were before a run. */
  void markPending(long after, long upTo) throws SQLException {
    BenchDatabases.update(
        databases.stagingConnection(),
        "UPDATE STAGLOG SET STGPROCESSED = 0 WHERE STGRFNBR > "
            + after
            + " AND STGRFNBR <= "
            + upTo);
  }
}
